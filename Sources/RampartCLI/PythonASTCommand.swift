import ArgumentParser
import Foundation
import PythonSyntax
import RampartCore

/// `rampart python-ast FILE…`: the syntax tree in the format of CPython's
/// `ast.dump(tree, include_attributes=True)`, to compare with CPython's own.
struct PythonASTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "python-ast",
        abstract: "Print the Python syntax tree of files as CPython's ast.dump(include_attributes=True) does."
    )

    @Argument(help: "Python files; with several, each dump follows a line '==> PATH'.")
    var files: [String]

    @Option(name: .customLong("python"), help: ArgumentHelp("The grammar and dump format: 3.11, 3.12, 3.13 or 3.14.", valueName: "version"))
    var pythonVersion: String = "3.11"

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read more file paths from this file, one per line.", valueName: "path"))
    var filesFrom: String?

    @Flag(name: .long, help: "Only parse and time: read every file first, then parse them all, print the time (for bench/python-parse).")
    var time = false

    @Option(name: .long, help: ArgumentHelp("With --time: parse on this many threads.", valueName: "n"))
    var jobs: Int = 1

    func validate() throws {
        guard Self.version(pythonVersion) != nil else { throw ValidationError("--python takes 3.11, 3.12, 3.13 or 3.14") }
    }

    static func version(_ text: String) -> PythonVersion? {
        switch text {
        case "3.11": .v3_11
        case "3.12": .v3_12
        case "3.13": .v3_13
        case "3.14": .v3_14
        default: nil
        }
    }

    func run() async throws {
        var paths = files
        if let filesFrom {
            guard let list = try? String(contentsOfFile: filesFrom, encoding: .utf8) else {
                throw UsageFailure("error: cannot read \(filesFrom)")
            }
            paths += list.split(separator: "\n").map(String.init)
        }
        let version = Self.version(pythonVersion) ?? .v3_11
        if time {
            try timeParsing(paths, version: version)
            return
        }
        let several = paths.count > 1
        var failures = 0
        var out = ""
        for path in paths {
            if several { out += "==> \(path)\n" }
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(path, limit: PythonParsing.maxSourceBytes)
            } catch {
                out += "!! cannot read \(TextEscaping.escape(path)): \(error)\n"
                failures += 1
                continue
            }
            do {
                out += try PythonParsing.withModule(bytes, version: version) { parsed in
                    ASTDump.dump(parsed.module, version: version)
                } + "\n"
            } catch {
                out += "!! SyntaxError: \(TextEscaping.escape(path)):\(error)\n"
                failures += 1
            }
            if out.utf8.count > 1 << 20 {
                Terminal.writeStdout(out)
                out = ""
            }
        }
        Terminal.writeStdout(out)
        if failures > 0 && !several { throw ExitCode(1) }
    }

    /// Reads every file, then parses them all (on `jobs` threads) and prints the parse time only.
    func timeParsing(_ paths: [String], version: PythonVersion) throws {
        let sources = paths.compactMap { try? FileReader.read($0, limit: 256 << 20) }
        let bytes = sources.reduce(0) { $0 + $1.count }
        let failures = Counter()
        let clock = ContinuousClock()
        let started = clock.now
        let jobs = max(1, self.jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var index = worker
            while index < sources.count {
                do {
                    _ = try PythonParsing.withModule(sources[index], version: version) { _ in 0 }
                } catch {
                    failures.add()
                }
                index += jobs
            }
        }
        let elapsed = clock.now - started
        let seconds = elapsed.inSeconds
        Terminal.writeStdout(String(format: "parsed %d files (%d bytes) in %.3f s on %d thread(s); %d rejected\n", sources.count, bytes, seconds, jobs, failures.value))
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
