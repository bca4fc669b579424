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
            // Ignores cancellation on purpose: the engine must not wait for it forever. It waits
            // on a Dispatch thread, as real scanners run blocking work, so that it does not also
            // hold one of the cooperative pool's threads that the engine's timers need.
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    let end = ContinuousClock.now + .seconds(seconds)
                    while ContinuousClock.now < end { usleep(10_000) }
                    continuation.resume()
                }
            }
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
