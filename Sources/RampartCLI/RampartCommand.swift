import ArgumentParser
import Foundation
import RampartCore

/// `rampart`: the root command. It only parses and dispatches.
public struct RampartCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "A DevSecOps security pipeline in one binary: SAST, secrets, dependencies, DAST, compliance.",
        discussion: """
        Exit codes: 0 no gating finding, 1 gating findings, 2 usage or configuration error,
        3 a scanner failed or the time budget ran out (partial results are still written).
        """,
        version: RampartVersion.current,
        subcommands: [ScanCommand.self, InitCommand.self, PipelineCommand.self, ImportCommand.self, FindingsCommand.self, TasksCommand.self, MaturityCommand.self, SASTCommand.self, SecretsCommand.self, DepsCommand.self, DBCommand.self, SBOMCommand.self, WebCommand.self, HostCommand.self, HardenCommand.self, BaselineCommand.self, RulesCommand.self, ConfigCommand.self, FilesCommand.self, PythonASTCommand.self],
        defaultSubcommand: nil
    )

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code. Usage errors are 2.
    public static func run(arguments: [String]) async -> Int32 {
        await CommandLineTokens.$current.withValue(arguments) { await dispatch(arguments) }
    }

    private static func dispatch(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints what an error needs the user to see and maps it to an exit code.
    static func report(_ error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let failure = error as? UsageFailure {
            Terminal.writeStderr(failure.description + "\n")
            return ExitStatus.usage
        }
        let code = exitCode(for: error).rawValue
        let message = fullMessage(for: error)
        if code == 0 {
            if !message.isEmpty { Terminal.writeStdout(message + "\n") }
            return 0
        }
        if !message.isEmpty { Terminal.writeStderr(message + "\n") }
        // ArgumentParser uses 64 (EX_USAGE) for usage errors; Rampart documents 2.
        return code == 64 ? ExitStatus.usage : code
    }
}

/// Exit codes, in one place.
enum ExitStatus {
    static let clean: Int32 = 0
    static let gatingFindings: Int32 = 1
    static let usage: Int32 = 2
    static let scanFailed: Int32 = 3
}

/// A usage or configuration problem found while running: printed, exit 2.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The raw arguments of the running command, for the one thing a parser loses: which `--output`
/// follows which `--format`.
enum CommandLineTokens {
    @TaskLocal static var current: [String] = []
}
