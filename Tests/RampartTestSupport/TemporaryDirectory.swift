import Foundation

/// A temporary folder for one test, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ label: String = "test") {
        path = FileManager.default.temporaryDirectory.path + "/rampart-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func absolute(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// Writes `contents` at `relative`, creating folders; returns the absolute path.
    @discardableResult
    public func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, bytes: Array(contents.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = absolute(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: absolute(relative), withIntermediateDirectories: true)
    }

    /// Creates a symlink at `relative` whose content is exactly `destination`.
    public func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createDirectory(atPath: (absolute(relative) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: absolute(relative), withDestinationPath: destination)
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: absolute(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a program in this folder; standard error goes to a file, so neither pipe can fill up.
    @discardableResult
    public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        try ProcessRunner.run(executable, arguments, in: path, environment: environment)
    }

    /// Runs git here with an isolated configuration; throws when git fails.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try Git.run(arguments, in: path)
    }

    /// `run`, off Swift's cooperative pool: a test waiting for a process must not hold one of
    /// the pool's few threads, which other tests' timers (the engine's time budget) need.
    @discardableResult
    public func runDetached(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String, errors: String) {
        let path = self.path
        return try await offPool { try ProcessRunner.run(executable, arguments, in: path, environment: environment) }
    }

    /// `git`, off Swift's cooperative pool.
    @discardableResult
    public func gitDetached(_ arguments: String...) async throws -> String {
        let path = self.path
        return try await offPool { try Git.run(arguments, in: path) }
    }
}

/// Runs blocking work on a thread of its own and awaits its result.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        // A thread of its own: Dispatch's global queues are as wide as the machine has cores, and
        // tests that block them (git, servers starting) would queue behind each other.
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Runs programs for tests.
public enum ProcessRunner {
    public static func run(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors)
    }
}

/// git for tests: no system or global configuration, no global excludes, a fixed identity and
/// `main` as the first branch, so results do not depend on the machine.
public enum Git {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: String) throws -> String {
        let isolated = [
            "-c", "core.excludesFile=/dev/null", "-c", "user.name=Rampart Tests",
            "-c", "user.email=tests@rampart.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
        ]
        let result = try ProcessRunner.run("/usr/bin/git", isolated + arguments, in: directory, environment: [
            "HOME": directory, "XDG_CONFIG_HOME": directory, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
        ])
        guard result.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }
}
