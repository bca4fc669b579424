import ArgumentParser
import Foundation
import RampartAdapters
import RampartCore

/// `rampart import --tool bandit bandit.json`: another tool's report as Rampart findings, in every
/// report format, gated like a scan; with `--merge` onto a Rampart JSON report, one finding per
/// flaw and place with every tool that saw it.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read another tool's report (Bandit, Semgrep, Ruff, Gitleaks, Trufflehog, detect-secrets, pip-audit, any SARIF) as findings.",
        discussion: "Tools: \(ToolAdapters.all.map { "\($0.tool) (\($0.reads))" }.joined(separator: "; "))."
    )

    @Option(help: ArgumentHelp("The tool that wrote the file.", valueName: "tool"))
    var tool: String

    @Argument(help: "The tool's report (JSON, JSON lines or SARIF).")
    var file: String

    @Option(help: ArgumentHelp("Make absolute file names relative to this folder (default: the current one).", valueName: "path"))
    var root: String?

    @OptionGroup var options: CommonOptions

    func run() async throws {
        guard let adapter = ToolAdapters.named(tool) else {
            throw UsageFailure("error: no adapter for '\(tool)'; tools: \(ToolAdapters.all.map(\.tool).joined(separator: ", "))")
        }
        // Reports are parsed whole: the size is checked first (a 500 MB report would take gigabytes).
        let data: Data
        do {
            data = Data(try FileReader.read(file, limit: ImportedReport.maxBytes))
        } catch {
            throw UsageFailure("error: cannot read \(TextEscaping.escape(file)): \(error)")
        }
        // Parsing a large report is the slow part: it runs under --timeout like a scan (exit 3).
        let file = self.file
        var findings: [Finding] = try await CommandBudget.run(seconds: options.timeout ?? Configuration().timeout, doing: "reading the \(adapter.tool) report") {
            do {
                return try adapter.parse(data, file: file)
            } catch {
                throw UsageFailure("import error: \(error)")
            }
        }
        findings = ImportedReport.relativize(findings, to: root ?? FileManager.default.currentDirectoryPath)
        let configuration = try options.configuration(scanRoot: root ?? ".", scanners: ScannerCatalog.current)
        let report = ImportedReport.make(findings, tool: adapter.tool, configuration: configuration, root: root ?? ".")
        try ScanRunner.write(report, options: options)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

enum ImportedReport {
    /// The largest report imported (JSON is parsed whole, at several times its size).
    static let maxBytes = 256 << 20

    /// Absolute file names (Ruff's, OSV-Scanner's) made relative to the scan root.
    static func relativize(_ findings: [Finding], to root: String) -> [Finding] {
        let base = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        return findings.map { finding in
            guard case .source(var location) = finding.location, location.path.hasPrefix(base) else { return finding }
            var copy = finding
            location.path.removeFirst(base.count)
            copy.location = .source(location)
            return copy
        }
    }

    /// A report of imported findings, with fingerprints and the configuration's thresholds and gate.
    static func make(_ findings: [Finding], tool: String, configuration: Configuration, root: String) -> ScanReport {
        // The same fingerprints as Rampart's own findings: rule, place and context, never lines.
        // A Rampart report's own fingerprints are kept (its secrets' digests are not in the report).
        var stamped = findings
        if tool != "rampart" { Fingerprint.assign(&stamped) }
        let kept = stamped.filter { $0.severity >= configuration.severityThreshold && $0.confidence >= configuration.confidenceThreshold }
        return ScanReport(toolVersion: RampartVersion.current, target: .init(path: root), findings: kept, diagnostics: [],
                          rules: [], scanners: [.init(id: tool, title: "imported from \(tool)", filesScanned: 0, durationMs: 0, completed: true)],
                          files: 0, baselined: 0, belowThreshold: stamped.count - kept.count, startTime: Date(), durationMs: 0, failOn: configuration.failOn)
    }
}
