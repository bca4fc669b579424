import Foundation
import RampartCore

/// Turns a scan report into one output format.
public protocol Reporter: Sendable {
    /// The `--format` name: `json`, `sarif`, …
    var format: ReportFormat { get }
    func render(_ report: ScanReport, context: ReportContext) -> String
}

/// What a reporter may need beyond the report itself.
public struct ReportContext: Sendable {
    /// The absolute scan root, for reporters that read source lines (SARIF line hashes).
    public var root: String
    /// Colour output with ANSI escapes (text only).
    public var useColor: Bool
    /// Show notes and suppressed findings in human formats.
    public var verbose: Bool
    /// The end time printed in reports; fixed in tests for golden files.
    public var now: Date

    public init(root: String, useColor: Bool = false, verbose: Bool = false, now: Date = Date()) {
        self.root = root
        self.useColor = useColor
        self.verbose = verbose
        self.now = now
    }
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, gitlab, markdown, html
    case gitlabSAST = "gitlab-sast"
    case gitlabSecretDetection = "gitlab-secret-detection"
    case gitlabDependencyScanning = "gitlab-dependency-scanning"
    case gitlabDAST = "gitlab-dast"

    /// The reporter for this format.
    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .gitlab: GitLabReporter()
        case .gitlabSAST: GitLabReporter(type: .sast)
        case .gitlabSecretDetection: GitLabReporter(type: .secretDetection)
        case .gitlabDependencyScanning: GitLabReporter(type: .dependencyScanning)
        case .gitlabDAST: GitLabReporter(type: .dast)
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }

    /// The usual file extension for `--output` names.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json, .gitlab, .gitlabSAST, .gitlabSecretDetection, .gitlabDependencyScanning, .gitlabDAST: "json"
        case .sarif: "sarif"
        case .junit: "xml"
        case .markdown: "md"
        case .html: "html"
        }
    }
}

/// Formatting shared by reporters.
enum ReportText {
    /// `2026-11-29T01:00:09Z`.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `1.234 s` or `87 ms`.
    static func duration(ms: Int) -> String {
        ms >= 1000 ? String(format: "%.2f s", Double(ms) / 1000) : "\(ms) ms"
    }

    /// The one-line summary of a finding's place.
    static func place(_ finding: Finding) -> String { finding.location.display }

    static func cweLabel(_ id: Int) -> String { "CWE-\(id)" }
}
