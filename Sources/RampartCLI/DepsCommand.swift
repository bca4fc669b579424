import ArgumentParser
import Foundation
import RampartCore
import RampartDeps

/// Flags of `rampart deps` that tune the deps scanner.
struct DepsFlags: Sendable {
    var allowStale = false
    var allowSkips = false
    var advisories: String?
    var database: String?
    var sitePackages: [String] = []
    var resolveRanges = false

    func apply(to options: inout DepsOptions) {
        options.sitePackages += sitePackages
        if resolveRanges { options.resolveRanges = true }
        if allowStale { options.allowStale = true }
        if allowSkips { options.allowSkips = true }
        if let advisories { options.advisoriesPath = advisories }
        if let database { options.databasePath = database }
    }
}

/// `rampart deps [PATH]`: only the dependency scanner.
struct DepsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deps",
        abstract: "Check pinned Python dependencies against OSV advisories, offline, and gate on them.",
        discussion: """
        Fails closed: with no advisory database, a stale one (see deps.max_age_days) or a package \
        that could not be checked, the scan exits 3 unless --allow-stale / --allow-skips.
        """
    )

    @Argument(help: "The folder (or file) to scan.")
    var path: String = "."

    @Flag(help: "Accept an advisory database older than the configured age.")
    var allowStale = false

    @Flag(help: "Accept packages that could not be checked (URL requirements without a version, unreadable includes).")
    var allowSkips = false

    @Option(help: ArgumentHelp("Read OSV JSON (a file or folder) instead of the database.", valueName: "path"))
    var advisories: String?

    @Option(help: ArgumentHelp("The advisory database (default: the user's cache folder).", valueName: "path"))
    var database: String?

    @Flag(help: "Match unpinned ranges against the advisories of every version they admit (medium confidence).")
    var resolveRanges = false

    @Option(help: ArgumentHelp("Also check what this Python interpreter has installed.", valueName: "path"))
    var python: String?

    @Option(help: ArgumentHelp("Also check the distributions installed in this site-packages folder.", valueName: "path"))
    var sitePackages: [String] = []

    @OptionGroup var options: CommonOptions

    func run() async throws {
        var runner = ScanRunner(options: options, path: path)
        runner.onlyScanners = ["deps"]
        var folders = sitePackages
        if let python {
            guard let found = DepsScanner.sitePackages(of: python) else { throw UsageFailure("error: cannot ask \(python) for its site-packages folders") }
            folders += found
        }
        runner.deps = DepsFlags(allowStale: allowStale, allowSkips: allowSkips, advisories: advisories, database: database, sitePackages: folders, resolveRanges: resolveRanges)
        try await runner.execute()
    }
}

/// `rampart db import|update|status`: the local advisory database.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the local OSV advisory database.",
        subcommands: [Import.self, Update.self, Status.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load OSV JSON (a file, a folder, or OSV's all.zip export) into the database.")

        @Argument(help: "OSV JSON file, folder, or all.zip.")
        var source: String

        @Option(help: ArgumentHelp("The database to write (default: the user's cache folder).", valueName: "path"))
        var database: String?

        func run() async throws {
            let path = database ?? AdvisoryDatabase.defaultPath
            do {
                let records = try OSVLoader.load(path: source)
                let stored = try AdvisoryDatabase(path: path, create: true).replace(with: records, source: (source as NSString).standardizingPath)
                Terminal.writeStdout("imported \(stored) PyPI advisories (of \(records.count) records) into \(path)\n")
            } catch let error as OSVLoader.Failure {
                throw UsageFailure("error: \(error)")
            } catch let error as AdvisoryDatabase.Failure {
                throw UsageFailure("error: \(error)")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download OSV's PyPI export and import it (needs network access).")

        static let exportURL = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"

        @Option(help: ArgumentHelp("The database to write (default: the user's cache folder).", valueName: "path"))
        var database: String?

        func run() async throws {
            let zip = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-osv-\(UUID().uuidString).zip").path
            defer { try? FileManager.default.removeItem(atPath: zip) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["curl", "--fail", "--silent", "--show-error", "--location", "--max-time", "300", "--output", zip, Self.exportURL]
            let errors = Pipe()
            process.standardError = errors
            do {
                try process.run()
            } catch {
                throw UsageFailure("error: cannot run curl to download \(Self.exportURL): \(error.localizedDescription)")
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                throw UsageFailure("error: cannot download \(Self.exportURL) (\(text.isEmpty ? "curl exit \(process.terminationStatus)" : text)); without network access, import a copy with `rampart db import FILE`")
            }
            var importer = Import()
            importer.source = zip
            importer.database = database
            try await importer.run()
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the database's source, record count and age.")

        @Option(help: ArgumentHelp("The database to read (default: the user's cache folder).", valueName: "path"))
        var database: String?

        func run() async throws {
            let path = database ?? AdvisoryDatabase.defaultPath
            do {
                let status = try AdvisoryDatabase(path: path).status()
                let age = status.importedAt.map { String(format: "%.1f days", Date().timeIntervalSince($0) / 86_400) } ?? "unknown"
                Terminal.writeStdout("""
                database: \(path)
                source:   \(status.source ?? "unknown")
                imported: \(status.importedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "unknown") (\(age) ago)
                records:  \(status.records) advisories for \(status.packages) packages

                """)
            } catch {
                throw UsageFailure("error: \(error)")
            }
        }
    }
}
