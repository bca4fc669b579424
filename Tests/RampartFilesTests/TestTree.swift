import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder under the system temp directory, removed when the value goes away.
final class TestTree {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "tree") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rampart-files-tests-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func absolute(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// Writes `contents` to `relative`, creating parent folders.
    func write(_ relative: String, _ contents: String) throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: absolute(relative), withIntermediateDirectories: true)
    }

    /// Creates a symlink at `relative` whose content is exactly `destination`.
    func symlink(_ relative: String, to destination: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
    }
}

struct GitFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `/usr/bin/git` in `directory` with an isolated configuration: no system or global config,
/// no global excludes file, a fixed identity and `main` as the initial branch.
@discardableResult
func runGit(_ arguments: [String], in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = [
        "-c", "core.excludesFile=/dev/null",
        "-c", "user.name=Rampart Tests",
        "-c", "user.email=tests@rampart.invalid",
        "-c", "commit.gpgsign=false",
        "-c", "init.defaultBranch=main",
    ] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = directory
    environment["XDG_CONFIG_HOME"] = directory
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw GitFailure(description: "git \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(String(decoding: errorData, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
}

/// The files git considers untracked and not ignored in the repository at `directory`.
func gitUntrackedNotIgnored(in directory: String) throws -> Set<String> {
    let output = try runGit(["ls-files", "--others", "--exclude-standard", "-z"], in: directory)
    return Set(output.split(separator: "\u{0}").map(String.init))
}

var runningAsRoot: Bool { getuid() == 0 }
