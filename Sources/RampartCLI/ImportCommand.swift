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
        guard let data = FileManager.default.contents(atPath: file) else { throw UsageFailure("error: cannot read \(file)") }
        var findings: [Finding]
        do {
            findings = try adapter.parse(data, file: file)
        } catch {
            throw UsageFailure("import error: \(error)")
        }
        let base = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        findings = findings.map { finding in
            guard case .source(var location) = finding.location, location.path.hasPrefix(base) else { return finding }
            var copy = finding
            location.path.removeFirst(base.count)
            copy.location = .source(location)
            return copy
        }
        let configuration = try options.configuration(scanRoot: root ?? ".", scanners: ScannerCatalog.current)
        let report = ImportedReport.make(findings, tool: adapter.tool, configuration: configuration, root: root ?? ".")
        try ScanRunner.write(report, options: options)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

enum ImportedReport {
    /// A report of imported findings: fingerprints from tool, rule and place, the gate of the configuration.
    static func make(_ findings: [Finding], tool: String, configuration: Configuration, root: String) -> ScanReport {
        let stamped = findings.map { finding -> Finding in
            var copy = finding
            if copy.fingerprint.isEmpty { copy.fingerprint = Fingerprints.imported(copy) }
            return copy
        }
        let kept = stamped.filter { $0.severity >= configuration.severityThreshold && $0.confidence >= configuration.confidenceThreshold }
        return ScanReport(toolVersion: RampartVersion.current, target: .init(path: root), findings: kept, diagnostics: [],
                          rules: [], scanners: [.init(id: tool, title: "imported from \(tool)", filesScanned: 0, durationMs: 0, completed: true)],
                          files: 0, baselined: 0, belowThreshold: stamped.count - kept.count, startTime: Date(), durationMs: 0, failOn: configuration.failOn)
    }
}

enum Fingerprints {
    /// Stable across runs as long as the flaw stays at its place: tool, rule, file and line.
    static func imported(_ finding: Finding) -> String {
        let place: String
        switch finding.location {
        case .source(let source): place = "\(source.path):\(source.line)"
        case .web(let web): place = web.url
        case .host(let host): place = host.host + host.control
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(finding.ruleId.rawValue)|\(place)|\(finding.component?.name ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
