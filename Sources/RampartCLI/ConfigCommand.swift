import ArgumentParser
import Foundation
import RampartCore
import RampartEngine

/// `rampart config check`: validate `.rampart.yml` and say what it sets.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration file.",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the configuration; errors name the file, line and key (exit 2)."
        )

        @Argument(help: "The folder whose .rampart.yml to check (or the file itself).")
        var path: String = "."

        @Option(name: .long, help: ArgumentHelp("The configuration file to check.", valueName: "path"))
        var config: String?

        func run() async throws {
            // Judge exactly what `rampart scan` loads: the same lookup, the same confinement.
            var info = stat()
            guard stat(path, &info) == 0 else { throw UsageFailure("error: no such file or folder: \(TextEscaping.escape(path))") }
            var explicit = config
            var scanRoot = path
            switch info.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFREG where explicit == nil:
                // A configuration file named directly is checked as the repository's own.
                explicit = path
                scanRoot = CommonOptions.folder(of: path)
            default: throw UsageFailure("error: \(TextEscaping.escape(path)) is not a folder or a configuration file")
            }
            guard let file = explicit ?? ConfigurationLoader.locate(in: scanRoot) else {
                Terminal.writeStdout("No .rampart.yml in \(TextEscaping.escape(path)): the defaults apply.\n")
                return
            }
            let configuration = try CommonOptions.loadConfiguration(explicit: explicit, scanRoot: scanRoot, scanners: ScannerCatalog.current)
            _ = try ScanRunner.configure(ScannerCatalog.current, with: configuration, scanRoot: scanRoot)
            if let baseline = configuration.baseline { _ = try ScanRunner.resolve(baseline, against: configuration, scanRoot: scanRoot) }
            var lines = ["\(CommonOptions.display(file)): ok"]
            lines.append("  scanners: \(configuration.scanners?.joined(separator: ", ") ?? "all")")
            lines.append("  fail on: \(configuration.failOn); report from severity \(configuration.severityThreshold.rawValue), confidence \(configuration.confidenceThreshold.rawValue)")
            if !configuration.include.isEmpty { lines.append("  include: \(configuration.include.joined(separator: ", "))") }
            if !configuration.exclude.isEmpty { lines.append("  exclude: \(configuration.exclude.joined(separator: ", "))") }
            if !configuration.rules.isEmpty { lines.append("  rule settings: \(configuration.rules.count)") }
            let today = ScanEngine.today()
            for ignore in configuration.ignores {
                let state = ignore.isExpired(today: today) ? "EXPIRED on \(ignore.expires ?? "")" : ignore.expires.map { "until \($0)" } ?? "no expiry"
                lines.append("  ignore (line \(ignore.line)): \(ignore.rule ?? "*") in \(ignore.path ?? "**") — \(state) — \(ignore.reason)")
            }
            if let baseline = configuration.baseline { lines.append("  baseline: \(baseline)") }
            lines.append("  time budget: \(Int(configuration.timeout)) s; max file size: \(configuration.maxFileSize) bytes")
            Terminal.writeStdout(lines.joined(separator: "\n") + "\n")
        }
    }
}
