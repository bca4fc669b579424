import Foundation
import RampartCore

/// A short summary for a pull-request comment: the gate, counts by severity, the gating findings
/// first, with links to each rule's page. Long lists are cut to stay readable.
public struct MarkdownReporter: Reporter {
    public static let maxRows = 50
    public var format: ReportFormat { .markdown }

    public init() {}

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        let active = report.activeFindings
        let gating = report.gatingFindings
        var out = "## Rampart security scan\n\n"
        switch report.failOn {
        case .none:
            out += "**Gate:** off · "
        case .severity where report.hasFailures && gating.isEmpty:
            // A scan that could not look everywhere never says "passed".
            out += "**Gate not passed**: not everything was checked (see the errors) · "
        case .severity(let severity):
            out += gating.isEmpty
                ? "**Gate passed** (fail on \(severity.rawValue) or above) · "
                : "**Gate failed**: \(gating.count) finding\(gating.count == 1 ? "" : "s") of severity \(severity.rawValue) or above · "
        }
        let works = report.scanners.compactMap(\.work)
        let counted = report.files == 0 && !works.isEmpty ? works.joined(separator: "; ") : "\(report.files) file\(report.files == 1 ? "" : "s")"
        out += "\(active.count) finding\(active.count == 1 ? "" : "s") in \(counted)"
        if let since = report.target.since { out += " changed since `\(Self.code(since))`" }
        out += " · \(ReportText.duration(ms: report.durationMs))\n\n"
        if report.timedOut { out += "> **Warning:** the time budget ran out; results are partial.\n\n" }

        out += "| " + Severity.allCases.reversed().map { $0.rawValue.capitalized }.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---:|", count: Severity.allCases.count) + "\n"
        out += "| " + report.countsBySeverity.map { String($0.1) }.joined(separator: " | ") + " |\n\n"

        if !active.isEmpty {
            let ordered = active.sorted { a, b in
                let ga = report.failOn.gates(a.severity), gb = report.failOn.gates(b.severity)
                if ga != gb { return ga }
                if a.severity != b.severity { return a.severity > b.severity }
                return Finding.reportOrder(a, b)
            }
            out += "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
            for finding in ordered.prefix(Self.maxRows) {
                let rule = finding.helpUri.map { "[`\(Self.code(finding.ruleId.rawValue))`](\($0))" } ?? "`\(Self.code(finding.ruleId.rawValue))`"
                out += "| \(finding.severity.rawValue) | \(rule) | `\(Self.code(finding.location.display))` | \(Self.cell(finding.message + (finding.traceSummary.map { " (flow: \($0))" } ?? ""))) |\n"
            }
            if ordered.count > Self.maxRows {
                out += "\n…and \(ordered.count - Self.maxRows) more; see the full report.\n"
            }
            out += "\n"
        }
        var extras: [String] = []
        let suppressed = report.findings.count { $0.isSuppressed }
        if suppressed > 0 { extras.append("\(suppressed) suppressed") }
        if report.baselined > 0 { extras.append("\(report.baselined) in the baseline") }
        let errors = report.diagnostics.count { $0.level == .error }
        if errors > 0 { extras.append("\(errors) scan error\(errors == 1 ? "" : "s")") }
        if !extras.isEmpty { out += "_" + extras.joined(separator: " · ") + "_\n" }
        return out
    }

    /// Text for a table cell: no pipes, no line breaks, no HTML, kept short.
    static func cell(_ text: String) -> String {
        var clipped = text.count > 200 ? String(text.prefix(200)) + "…" : text
        clipped = clipped.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        var out = ""
        for c in clipped {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`", "*", "_", "[", "]": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text inside backticks: backticks and pipes cannot appear there.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "¦")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
