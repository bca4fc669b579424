import ArgumentParser
import Foundation
import RampartCore

/// `rampart baseline create`: record today's findings so later scans report only new ones.
struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record accepted findings so later scans report only new ones.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Scan and write the fingerprints of every unsuppressed finding to a baseline file."
        )

        @Argument(help: "The folder to scan.")
        var path: String = "."

        @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp("The baseline file to write.", valueName: "path"))
        var out: String = ".rampart-baseline.json"

        @OptionGroup var options: CommonOptions

        func run() async throws {
            var runner = ScanRunner(options: options, path: path)
            runner.useBaseline = false
            let report = try await runner.run()
            let baseline = Baseline(findings: report.activeFindings)
            do {
                try Terminal.writeFile(out, Data(baseline.serialized(toolVersion: RampartVersion.current).utf8))
            } catch {
                throw UsageFailure("error: cannot write baseline \(out): \(error.localizedDescription)")
            }
            if !options.quiet {
                Terminal.writeStderr("baseline: \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") recorded in \(out)\n")
            }
            for diagnostic in report.diagnostics where diagnostic.level == .error {
                Terminal.writeStderr(diagnostic.display + "\n")
            }
            if report.hasFailures { throw ExitCode(ExitStatus.scanFailed) }
        }
    }
}
