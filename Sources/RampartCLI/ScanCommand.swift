import ArgumentParser
import Foundation
import RampartCore
import RampartCustomRules
import RampartEngine
import RampartPythonSAST
import RampartReporters
import RampartDeps
import RampartHost
import RampartSecrets
import RampartWeb

/// `rampart scan [PATH]`: every enabled scanner over a folder, reports written, exit by the gate.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan a folder with every enabled scanner and gate on the findings."
    )

    @Argument(help: "The folder (or file) to scan.")
    var path: String = "."

    @OptionGroup var options: CommonOptions

    func run() async throws {
        try await ScanRunner(options: options, path: path).execute()
    }
}

/// What `scan` and `baseline create` share: configuration, engine run, report writing.
struct ScanRunner {
    var options: CommonOptions
    var path: String
    var useBaseline = true
    /// Run only these scanners (`rampart sast` runs `python`); nil runs every enabled one.
    var onlyScanners: Set<String>?
    /// Where the secrets scanner looks (`rampart secrets --history`, `--staged`).
    var secretsSource = SecretsSource.tree
    /// History scans: only the commits since this ref.
    var historySince: String?
    /// `rampart deps` flags for the deps scanner.
    var deps = DepsFlags()
    /// `rampart web` settings for the web scanner.
    var web: WebOptions?
    /// `rampart host` settings for the host scanner.
    var host: HostOptions?
    /// Scanner sections that replace the configuration's (a pipeline activity's settings).
    var sections: [String: ConfigNode] = [:]
    /// Only these folders or files of the root (a pipeline activity's `paths`).
    var paths: [String]?
    /// Custom rule files or folders given on the command line (`--rules`), any path the user chose.
    var customRulePaths: [String] = []

    func run() async throws -> ScanReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UsageFailure("error: no such file or folder: \(path)")
        }
        let catalog = ScannerCatalog.current
        var configuration = try options.configuration(scanRoot: path, scanners: catalog)
        // An activity's settings override the same keys of the configuration's section.
        for (id, section) in sections {
            guard case .mapping(let overrides, let position) = section else { continue }
            guard case .mapping(let base, _)? = configuration.scannerSections[id] else {
                configuration.scannerSections[id] = section
                continue
            }
            let replaced = Set(overrides.map(\.key))
            configuration.scannerSections[id] = .mapping(base.filter { !replaced.contains($0.key) } + overrides, position)
        }
        if let paths, paths != ["."] {
            configuration.include += paths.flatMap { path -> [String] in
                let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
                return [trimmed, trimmed + "/**"]
            }
        }
        var scanners = onlyScanners.map { only in catalog.filter { only.contains($0.id) } } ?? catalog
        scanners = try Self.configure(scanners, with: configuration, scanRoot: path)
        if !customRulePaths.isEmpty {
            scanners = try scanners.map { scanner in
                guard var python = scanner as? PythonSASTScanner else { return scanner }
                let set = python.customRules ?? RuleSet()
                for rulePath in customRulePaths { set.add(path: rulePath) }
                set.finish()
                if set.rules.isEmpty {
                    let problems = set.errors.prefix(20).map { "  " + TextEscaping.escape($0.description) }.joined(separator: "\n")
                    throw UsageFailure("error: no usable custom rule in \(customRulePaths.joined(separator: ", "))" + (problems.isEmpty ? "" : ":\n" + problems))
                }
                python.customRules = set
                return python
            }
        }
        if options.banditCompat {
            scanners = scanners.map { scanner in
                guard var python = scanner as? PythonSASTScanner else { return scanner }
                python.options.banditCompatible = true
                return python
            }
        }
        scanners = scanners.map { scanner in
            if let web, scanner is WebScanner { return WebScanner(options: web) }
            if let host, scanner is HostScanner { return HostScanner(options: host) }
            if var depsScanner = scanner as? DepsScanner {
                deps.apply(to: &depsScanner.options)
                return depsScanner
            }
            guard var secrets = scanner as? SecretsScanner else { return scanner }
            if options.showSecrets { secrets.options.showSecrets = true }
            secrets.options.source = secretsSource
            secrets.options.historySince = historySince
            return secrets
        }
        var baseline: Baseline?
        if useBaseline, let file = try options.baseline ?? configuration.baseline.map({ try Self.resolve($0, against: configuration, scanRoot: path) }) {
            do {
                baseline = try Baseline.load(path: file)
            } catch {
                throw UsageFailure("error: \(error)")
            }
        }
        let logger = Terminal.logger(quiet: options.quiet, verbose: options.verbose)
        let progress: TerminalProgress? = Terminal.stderrIsTTY && !options.quiet ? TerminalProgress() : nil
        let engine = ScanEngine(toolVersion: RampartVersion.current, logger: logger, progress: progress)
        do {
            return try await engine.run(.init(
                root: path, configuration: configuration, scanners: scanners, baseline: baseline, since: options.since
            ))
        } catch let error as ScanEngine.Failure {
            throw UsageFailure("error: \(error)")
        }
    }

    /// Scans, writes every report, and exits by the gate.
    func execute() async throws {
        let report = try await run()
        if options.verbose, let peak = Self.peakMemoryMB() {
            // This process only (git and other children excluded), for benchmarks and budgets.
            Terminal.writeStderr("peak memory: \(peak) MB\n")
        }
        try Self.write(report, options: options)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// The process's peak resident memory (VmHWM), on Linux.
    static func peakMemoryMB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    /// Each scanner set up from its section of the configuration.
    static func configure(_ scanners: [any SecurityScanner], with configuration: Configuration, scanRoot: String) throws -> [any SecurityScanner] {
        let reader = configuration.reader(scanRoot: scanRoot, displayName: configuration.sourcePath.map(CommonOptions.display))
        return try scanners.map { scanner in
            guard let section = configuration.scannerSections[scanner.id] else { return scanner }
            do {
                return try scanner.configured(with: section, reader: reader)
            } catch {
                throw UsageFailure("configuration error: \(error)")
            }
        }
    }

    /// A baseline path from the configuration is relative to the configuration file's folder,
    /// and inside the repository when the configuration is the repository's.
    static func resolve(_ path: String, against configuration: Configuration, scanRoot: String) throws -> String {
        let reader = configuration.reader(scanRoot: scanRoot, displayName: configuration.sourcePath.map(CommonOptions.display))
        do {
            return try reader.resolve(path, node: .scalar(path, .init(line: 1, column: 1)), key: "baseline")
        } catch {
            throw UsageFailure("configuration error: \(error)")
        }
    }

    /// Writes every requested report; a file that cannot be written is a usage error (exit 2).
    static func write(_ report: ScanReport, options: CommonOptions, commandFormats: Set<String> = []) throws {
        if let name = options.namedDestinations.map(\.0).first(where: { ReportFormat(rawValue: $0) == nil && !commandFormats.contains($0) }) {
            throw UsageFailure("error: --format \(name) is written by \(CommonOptions.commandFormats[name] ?? "another command") only")
        }
        // Errors and warnings reach the terminal whatever the formats: when no text report goes
        // to standard output, they go to standard error (a budget that ran out, a failed login).
        let textOnStdout = options.destinations.contains { $0.0 == .text && $0.1 == nil }
        if !textOnStdout {
            for diagnostic in report.diagnostics where diagnostic.level == .error || (diagnostic.level == .warning && !options.quiet) {
                Terminal.writeStderr(diagnostic.display + "\n")
            }
        }
        let root = FileManager.default.currentDirectoryPath
        let isURL = report.target.path.contains("://")
        let absoluteRoot = isURL ? root : report.target.path.hasPrefix("/") ? report.target.path : root + "/" + report.target.path
        for (format, destination) in options.destinations {
            let context = ReportContext(
                root: CommonOptions.folder(of: absoluteRoot),
                useColor: destination == nil && format == .text && Terminal.stdoutIsTTY && Terminal.colorAllowed && !options.noColor,
                verbose: options.verbose
            )
            let text = format.reporter.render(report, context: context)
            if let destination {
                do {
                    try Terminal.writeFile(destination, Data(text.utf8))
                } catch {
                    throw UsageFailure("error: cannot write \(format.rawValue) report to \(destination): \(error.localizedDescription)")
                }
                if !options.quiet { Terminal.writeStderr("wrote \(format.rawValue) report to \(destination)\n") }
            } else {
                Terminal.writeStdout(text)
            }
        }
    }
}

/// `rampart sast [PATH]`: only the Python SAST scanner.
struct SASTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sast",
        abstract: "Scan Python code with Bandit's checks (and Rampart's), and gate on the findings."
    )

    @Argument(help: "The folder (or file) to scan.")
    var path: String = "."

    @Option(name: .customLong("rules"), help: ArgumentHelp("Custom rules in Semgrep's format: a rule file or a folder of .yml/.yaml files (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Flag(help: "Apply the fixes of custom rules (`fix`, `fix-regex`) to the files.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print the changes as a diff instead of writing them.")
    var dryRun = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
    }

    func run() async throws {
        var runner = ScanRunner(options: options, path: path)
        runner.onlyScanners = ["python"]
        runner.customRulePaths = rules
        guard fix else {
            try await runner.execute()
            return
        }
        let report = try await runner.run()
        try ScanRunner.write(report, options: options)
        try AutofixRun(report: report, root: path, dryRun: dryRun, quiet: options.quiet).apply()
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
