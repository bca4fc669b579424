import ArgumentParser
import RampartCore
import RampartSecrets

/// `rampart secrets [PATH]`: only the secrets scanner, over the working tree.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Find hard-coded credentials in a folder, and gate on them.",
        discussion: "Found secrets are redacted in every report unless --show-secrets is given."
    )

    @Argument(help: "The folder (or file) to scan.")
    var path: String = "."

    @Flag(help: "Scan every commit of every ref of the git repository at PATH (each secret once, at the commit that added it).")
    var history = false

    @Flag(help: "Scan what is staged in git's index (for pre-commit hooks).")
    var staged = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if history && staged { throw ValidationError("--history and --staged are exclusive") }
    }

    func run() async throws {
        var runner = ScanRunner(options: options, path: path)
        runner.onlyScanners = ["secrets"]
        runner.secretsSource = history ? .history : staged ? .staged : .tree
        try await runner.execute()
    }
}
