import ArgumentParser
import Foundation
import RampartCore
import RampartReporters

/// Options every scanning command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Report format (repeatable): \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the report of the --format just before it to this file (repeatable).", valueName: "path"))
    var output: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Fail (exit 1) on findings of this severity or above: info, low, medium, high, critical, none. Default: high.", valueName: "severity"))
    var failOn: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings of this severity or above.", valueName: "severity"))
    var severity: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings of this confidence or above: low, medium, high.", valueName: "confidence"))
    var confidence: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "path"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .rampart.yml in the scanned folder).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Time budget in seconds (default 600); scanners are stopped and partial results reported.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Scan only files changed since the merge base with this git ref, plus untracked files.", valueName: "ref"))
    var since: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Files scanned at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("docs-base-url"), help: ArgumentHelp("Base URL of rule pages in reports (a team wiki, say).", valueName: "url"))
    var docsBaseURL: String?

    @Flag(name: .customLong("bandit-compat"), help: "Python SAST: reproduce Bandit exactly where Rampart deliberately differs.")
    var banditCompat = false

    @Flag(name: .customLong("show-secrets"), help: "Secrets: show found secrets in full in every report (they are redacted by default).")
    var showSecrets = false

    @Flag(name: [.short, .long], help: "Print only the report and errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print debug logs, notes and suppressed findings.")
    var verbose = false

    @Flag(name: .customLong("no-color"), help: "Never colour the text report.")
    var noColor = false

    func validate() throws {
        for name in format where ReportFormat(rawValue: name) == nil && Self.commandFormats[name] == nil {
            throw ValidationError("unknown format '\(name)'; choose from \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or \(Self.commandFormats.map { "\($0.key) (\($0.value))" }.sorted().joined(separator: ", "))")
        }
        if output.count > max(format.count, 1) {
            throw ValidationError("more --output than --format options: pair each --output with a --format")
        }
        if max(format.count, 1) - output.count > 1 {
            throw ValidationError("only one report can go to standard output: give an --output for each --format but one")
        }
        let paths = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if Set(paths).count != paths.count {
            throw ValidationError("two reports cannot be written to the same --output file")
        }
        if let failOn, GateThreshold(parsing: failOn) == nil {
            throw ValidationError("--fail-on takes info, low, medium, high, critical or none, not '\(failOn)'")
        }
        if let severity, Severity(parsing: severity) == nil {
            throw ValidationError("--severity takes info, low, medium, high or critical, not '\(severity)'")
        }
        if let confidence, Confidence(parsing: confidence) == nil {
            throw ValidationError("--confidence takes low, medium or high, not '\(confidence)'")
        }
        if let jobs, !(1...256).contains(jobs) {
            throw ValidationError("--jobs takes a number from 1 to 256")
        }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other") }
    }

    /// The configuration file's settings with the command line's on top.
    func configuration(scanRoot: String, scanners: [any SecurityScanner]) throws -> Configuration {
        var configuration = try Self.loadConfiguration(explicit: config, scanRoot: scanRoot, scanners: scanners)
        if let failOn { configuration.failOn = GateThreshold(parsing: failOn) ?? configuration.failOn }
        if let severity { configuration.severityThreshold = Severity(parsing: severity) ?? configuration.severityThreshold }
        if let confidence { configuration.confidenceThreshold = Confidence(parsing: confidence) ?? configuration.confidenceThreshold }
        if let timeout { configuration.timeout = timeout }
        if let jobs { configuration.jobs = jobs }
        if let docsBaseURL {
            configuration.docsBaseURL = docsBaseURL
            configuration.docsURLSuffix = ""
        }
        return configuration
    }

    /// The configuration file named with `--config`, or `.rampart.yml` in the scanned folder, or defaults.
    static func loadConfiguration(explicit: String?, scanRoot: String, scanners: [any SecurityScanner]) throws -> Configuration {
        let loader = ConfigurationLoader(scannerIDs: Set(scanners.map(\.id)))
        do {
            if let explicit {
                return try loader.load(path: explicit)
            } else if let found = ConfigurationLoader.locate(in: folder(of: scanRoot)) {
                return try loader.load(path: found, displayName: display(found), confinement: ConfinedRoot(folder(of: scanRoot)))
            }
            return Configuration()
        } catch {
            throw UsageFailure("configuration error: \(error)")
        }
    }

    /// Formats one command writes from its own results, and which command.
    static let commandFormats = ["inspec-json": "rampart host"]

    /// Each report and where it goes (nil: standard output). An `--output` belongs to the
    /// `--format` written just before it; one written before any format goes to the next format.
    var destinations: [(ReportFormat, String?)] {
        namedDestinations.compactMap { name, path in ReportFormat(rawValue: name).map { ($0, path) } }
    }

    /// The same with the format's name, command formats included.
    var namedDestinations: [(String, String?)] {
        Self.pair(formats: format, outputs: output, tokens: CommandLineTokens.current)
    }

    static func pair(formats: [String], outputs: [String], tokens: [String]) -> [(String, String?)] {
        var pairs: [(String, String?)] = []
        var waiting: [String] = []
        var seenFormats = 0, seenOutputs = 0
        var index = 0
        func value(_ flag: String) -> String? {
            let token = tokens[index]
            if token == flag, index + 1 < tokens.count {
                index += 1
                return tokens[index]
            }
            if token.hasPrefix(flag + "=") { return String(token.dropFirst(flag.count + 1)) }
            return nil
        }
        while index < tokens.count {
            if tokens[index] == "--" { break }
            if let name = value("--format") {
                seenFormats += 1
                pairs.append((name, waiting.isEmpty ? nil : waiting.removeFirst()))
            } else if let path = value("--output") {
                seenOutputs += 1
                if let last = pairs.indices.last, pairs[last].1 == nil {
                    pairs[last].1 = path
                } else {
                    waiting.append(path)
                }
            }
            index += 1
        }
        // Fall back to order alone when the tokens do not tell (the parser saw other arguments).
        if seenFormats != formats.count || seenOutputs != outputs.count {
            pairs = formats.enumerated().map { i, name in (name, i < outputs.count ? outputs[i] : nil) }
            waiting = Array(outputs.dropFirst(formats.count))
        }
        if pairs.isEmpty { pairs = [("text", waiting.first)] }
        return pairs
    }

    /// The folder a scan target lives in (itself when it is a folder).
    static func folder(of path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        }
        return path
    }

    /// A path as the user would want to read it: relative to the working folder when inside it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}
