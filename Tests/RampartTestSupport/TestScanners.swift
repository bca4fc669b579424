import Foundation
import RampartCore

/// A tiny scanner for tests only: flags `eval(` (high) and `TODO-SECURITY` (low) in `.py` and
/// `.txt` files, line by line. It exercises the whole pipeline without a real scanner.
public struct TokenScanner: SecurityScanner {
    public static let evalRule = RuleMetadata(
        id: "test/T001", aliases: ["eval_used"], title: "Use of eval", severity: .high, confidence: .high,
        cwe: [95], owasp: .a03, tags: ["injection"],
        documentation: "## What it does\nFlags calls to `eval`.\n\n## Why is this bad?\nIt runs arbitrary code.\n",
        examples: [
            .triggers("result = eval(user_input)\n"),
            .triggers("x = 1\ny = eval('2')\n"),
            .passes("result = evaluate(user_input)\n"),
            .passes("result = int(user_input)\n"),
        ]
    )
    public static let todoRule = RuleMetadata(
        id: "test/T002", title: "Security TODO left in code", severity: .low, confidence: .medium,
        documentation: "## What it does\nFlags `TODO-SECURITY` markers.\n",
        examples: [.triggers("# TODO-SECURITY: check auth\n"), .passes("# TODO: later\n")]
    )

    public init() {}

    public var id: String { "test" }
    public var title: String { "Test token scanner" }
    public var rules: [RuleMetadata] { [Self.evalRule, Self.todoRule] }
    public var exampleFileName: String { "example.py" }

    public func wants(_ file: SourceFile) -> Bool {
        ["py", "txt"].contains(file.pathExtension)
    }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        await context.forEachFile(scanner: id, where: wants) { file, text in
            var findings: [Finding] = []
            for (index, line) in text.lines.enumerated() {
                for (token, rule) in [("eval(", Self.evalRule), ("TODO-SECURITY", Self.todoRule)] {
                    guard let range = line.range(of: token) else { continue }
                    let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
                    findings.append(Finding(rule: rule, location: .source(SourceLocation(
                        path: file.path, line: index + 1, column: column, endLine: index + 1,
                        endColumn: column + token.utf8.count))))
                }
            }
            return findings
        }
    }
}

/// A target scanner that reports one web finding without reading files.
public struct WebProbeScanner: SecurityScanner {
    public static let rule = RuleMetadata(
        id: "webtest/W001", title: "Missing header", severity: .medium, confidence: .high, cwe: [693],
        documentation: "Checks a header.", examples: []
    )
    public init() {}
    public var id: String { "webtest" }
    public var title: String { "Test web probe" }
    public var rules: [RuleMetadata] { [Self.rule] }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        ScannerOutput(findings: [Finding(rule: Self.rule, location: .web(WebLocation(url: "http://127.0.0.1:1/app?id=1", parameter: "id")))])
    }
}

/// A scanner that works until cancelled (or for `duration`), for time-budget tests.
public struct SlowScanner: SecurityScanner {
    public var duration: Duration
    public var honoursCancellation: Bool

    public init(duration: Duration = .seconds(60), honoursCancellation: Bool = true) {
        self.duration = duration
        self.honoursCancellation = honoursCancellation
    }

    public var id: String { "slow" }
    public var title: String { "Test slow scanner" }
    public var rules: [RuleMetadata] { [] }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        if honoursCancellation {
            try? await Task.sleep(for: duration)
        } else {
            // Ignores cancellation on purpose: the engine must not wait for it forever.
            let end = ContinuousClock.now + duration
            while ContinuousClock.now < end { usleep(10_000) }
        }
        return ScannerOutput()
    }
}

/// A scanner that fails, for exit-code tests.
public struct FailingScanner: SecurityScanner {
    public init() {}
    public var id: String { "failing" }
    public var title: String { "Test failing scanner" }
    public var rules: [RuleMetadata] { [] }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        ScannerOutput(diagnostics: [Diagnostic(.error, code: "scanner-failed", message: "simulated failure", scanner: id)])
    }
}

/// Temporary folders for tests, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ name: String = "rampart-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` at `relative`, creating folders.
    @discardableResult
    public func write(_ relative: String, _ contents: String) -> String {
        let full = path + "/" + relative
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(contents.utf8))
        return full
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a command in this folder and returns its standard output; fails the test's expectations via the exit code.
    @discardableResult
    public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs git here with a fixed identity and no user configuration.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let result = try run("/usr/bin/git", ["-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments,
                             environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
        guard result.status == 0 else { throw GitFailure(arguments: arguments, status: result.status) }
        return result.output
    }

    public struct GitFailure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var description: String { "git \(arguments.joined(separator: " ")) exited \(status)" }
    }
}
