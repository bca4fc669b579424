import Foundation
import Logging
import RampartCore
import RampartEngine
import Synchronization

/// Where output goes, and whether the terminal gets colours and a progress line.
enum Terminal {
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colours on a TTY unless `NO_COLOR` is set (https://no-color.org) or `TERM=dumb`.
    static var colorAllowed: Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        return env["TERM"] != "dumb"
    }

    static func writeStdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeStderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a report or document: atomically (temporary file, then rename) for regular files,
    /// but in place for anything else, so `--output /dev/null` or a FIFO is written to, never
    /// replaced by a regular file.
    static func writeFile(_ path: String, _ data: Data) throws {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A logger on stderr at the level `--quiet`/`--verbose` ask for.
    static func logger(quiet: Bool, verbose: Bool) -> Logger {
        var logger = Logger(label: "rampart") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : quiet ? .error : .warning
        return logger
    }
}

/// The progress line on stderr: files done of the total and the scanner at work, redrawn at most
/// ten times a second, cleared at the end. Only on a TTY.
final class TerminalProgress: ProgressSink {
    private struct State {
        var total = 0
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let state = Mutex(State())

    func begin(total: Int) {
        state.withLock { $0.total = total }
    }

    func fileScanned(scanner: String) {
        let line: String? = state.withLock { state in
            state.done += 1
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), state.done < state.total { return nil }
            state.lastDraw = now
            state.drawn = true
            return "\r\u{1B}[2K[\(scanner)] \(state.done)/\(state.total) files"
        }
        if let line { Terminal.writeStderr(line) }
    }

    func end() {
        let drawn = state.withLock { $0.drawn }
        if drawn { Terminal.writeStderr("\r\u{1B}[2K") }
    }
}

/// Files Rampart writes inside the scanned repository at paths the repository chose
/// (`rampart.yml`'s reports, `init`, tasks): through `ConfinedWriter`, so no symlink planted
/// in the repository turns the write into one elsewhere, and a path outside it is refused.
enum RepositoryWrite {
    static func write(_ path: String, in root: String, _ data: Data) throws {
        let writer = ConfinedWriter(root: root)
        do {
            try writer.write(try writer.relativePath(path), Array(data))
        } catch {
            throw UsageFailure("error: cannot write \(TextEscaping.escape(path)): \(error.reason)")
        }
    }
}

/// The environment commands read tokens and CI variables from. Tests give their own with
/// `$override` instead of `setenv`, which races with every thread reading the environment.
enum CommandEnvironment {
    @TaskLocal static var override: [String: String]?

    static var current: [String: String] { override ?? ProcessInfo.processInfo.environment }
}
