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

        @Argument(help: "The folder whose .rampart.yml to check.")
        var path: String = "."

        @Option(name: .long, help: ArgumentHelp("The configuration file to check.", valueName: "path"))
        var config: String?

        func run() async throws {
            let loader = ConfigurationLoader(scannerIDs: Set(ScannerCatalog.current.map(\.id)))
            guard let file = config ?? ConfigurationLoader.locate(in: path) else {
                Terminal.writeStdout("No .rampart.yml in \(path): the defaults apply.\n")
                return
            }
            let configuration: Configuration
            do {
                configuration = try loader.load(path: file, displayName: CommonOptions.display(file))
            } catch {
                throw UsageFailure("configuration error: \(error)")
            }
            _ = try ScanRunner.configure(ScannerCatalog.current, with: configuration)
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
