import ArgumentParser
import RampartCore

/// `rampart secrets [PATH]`: only the secrets scanner, over the working tree.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Find hard-coded credentials in a folder, and gate on them.",
        discussion: "Found secrets are redacted in every report unless --show-secrets is given."
    )

    @Argument(help: "The folder (or file) to scan.")
    var path: String = "."

    @OptionGroup var options: CommonOptions

    func run() async throws {
        var runner = ScanRunner(options: options, path: path)
        runner.onlyScanners = ["secrets"]
        try await runner.execute()
    }
}
