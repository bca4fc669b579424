import ArgumentParser
import Foundation
import RampartCore
import RampartFiles

/// `rampart files [PATH]`: the files a scan would read, after ignore files, excludes, binary and
/// size checks (like `rg --files`); diagnostics go to stderr.
struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "List the files a scan would read, one per line."
    )

    @Argument(help: "The folder to list.")
    var path: String = "."

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .rampart.yml in the folder).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Only files changed since the merge base with this git ref, plus untracked files.", valueName: "ref"))
    var since: String?

    @Flag(name: .shortAndLong, help: "Also print notes (binary files skipped).")
    var verbose = false

    func run() async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UsageFailure("error: no such file or folder: \(path)") }
        let configuration = try CommonOptions.loadConfiguration(explicit: config, scanRoot: path, scanners: ScannerCatalog.current)
        let result = FileDiscovery(options: .init(configuration: configuration)).discover(root: path)
        var files = result.files
        if let since {
            do {
                let changed = try await GitChangeSet.changedFiles(root: path, since: since)
                files = files.filter { changed.contains($0.path) }
            } catch {
                throw UsageFailure("error: --since: \(error)")
            }
        }
        for diagnostic in result.diagnostics where verbose || diagnostic.level != .note {
            Terminal.writeStderr(diagnostic.display + "\n")
        }
        var out = ""
        out.reserveCapacity(files.count * 32)
        // One name a line: a name with a line break or an escape sequence is printed escaped.
        for file in files { out += TextEscaping.escape(file.path) + "\n" }
        Terminal.writeStdout(out)
    }
}
