import Foundation
import RampartCore

/// JUnit XML for CI test dashboards: one test case per rule that ran clean, and one per finding
/// (unique names, since GitLab keeps only the first of a duplicate). Findings that fail the gate
/// are failures; findings below the gate are skipped cases; suppressed findings are left out.
public struct JUnitReporter: Reporter {
    public var format: ReportFormat { .junit }

    public init() {}

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        var cases: [String] = []
        var failures = 0, skipped = 0
        let active = report.activeFindings
        let byRule = Dictionary(grouping: active, by: \.ruleId)
        var ruleIDs = report.rules.map(\.id)
        for id in byRule.keys.sorted() where !ruleIDs.contains(id) { ruleIDs.append(id) }
        for id in ruleIDs {
            let scanner = id.scanner.isEmpty ? "rampart" : id.scanner
            guard let findings = byRule[id] else {
                cases.append("    <testcase classname=\"\(XML.escape(scanner))\" name=\"\(XML.escape(id.rawValue))\" time=\"0\"/>")
                continue
            }
            for finding in findings {
                let name = "\(id.rawValue) \(finding.location.display)"
                var body = "    <testcase classname=\"\(XML.escape(scanner + "." + id.rawValue))\" name=\"\(XML.escape(name))\" time=\"0\">\n"
                if report.failOn.gates(finding.severity) {
                    failures += 1
                    body += "      <failure message=\"\(XML.escape(finding.title))\" type=\"\(finding.severity.rawValue)\">"
                    body += XML.escape(detail(finding)) + "</failure>\n"
                } else {
                    skipped += 1
                    body += "      <skipped message=\"\(XML.escape("\(finding.severity.rawValue) finding below the gate (fail on \(report.failOn))"))\"/>\n"
                    body += "      <system-out>\(XML.escape(detail(finding)))</system-out>\n"
                }
                body += "    </testcase>"
                cases.append(body)
            }
        }
        let errors = report.diagnostics.count { $0.level == .error }
        let seconds = String(format: "%.3f", Double(report.durationMs) / 1000)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"rampart\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds)\">\n"
        out += "  <testsuite name=\"rampart\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds)\" timestamp=\"\(ReportText.iso8601(report.startTime))\">\n"
        if !report.diagnostics.isEmpty {
            out += "    <system-err>" + XML.escape(report.diagnostics.map(\.display).joined(separator: "\n")) + "</system-err>\n"
        }
        for testcase in cases { out += testcase + "\n" }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private func detail(_ finding: Finding) -> String {
        var lines = [
            "\(finding.severity.rawValue.uppercased()) \(finding.ruleId): \(finding.message)",
            "at \(finding.location.display)",
        ]
        if case .source(let s) = finding.location, let snippet = s.snippet { lines.append(snippet) }
        if let flow = finding.traceSummary { lines.append("flow: " + flow) }
        if !finding.cwe.isEmpty { lines.append(finding.cwe.map(ReportText.cweLabel).joined(separator: ", ")) }
        if let help = finding.helpUri { lines.append("help: \(help)") }
        return lines.joined(separator: "\n")
    }
}
