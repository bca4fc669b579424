import Foundation
import RampartCore

/// The terminal report: findings grouped by file, a summary by severity and scanner, the gate.
/// Colours only when asked (a TTY without `NO_COLOR`).
public struct TextReporter: Reporter {
    public var format: ReportFormat { .text }

    public init() {}

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        var out = ""
        let style = Style(enabled: context.useColor)
        let shown = report.findings.filter { context.verbose || !$0.isSuppressed }
        var groups: [(String, [Finding])] = []
        for finding in shown {
            let key = group(of: finding)
            if groups.last?.0 == key {
                groups[groups.count - 1].1.append(finding)
            } else {
                groups.append((key, [finding]))
            }
        }
        for (name, findings) in groups {
            out += style.bold(TextEscaping.escape(name)) + "\n"
            for finding in findings {
                out += "  " + position(finding).padding(toLength: 9, withPad: " ", startingAt: 0)
                out += " " + style.severity(finding.severity)
                // Every value may hold a scanned file's bytes (a name, a custom rule's title, an
                // imported report's message): escaped so that none can forge or hide a line.
                out += "  " + TextEscaping.escape(finding.ruleId.rawValue) + "  " + TextEscaping.escape(finding.message)
                if finding.message != finding.title && !finding.message.contains(finding.title) {
                    out += style.dim(" (\(TextEscaping.escape(finding.title)))")
                }
                out += "\n"
                if let suppression = finding.suppression {
                    let reason = suppression.reason.map { ": \($0)" } ?? ""
                    out += "            " + style.dim(TextEscaping.escape("suppressed by \(suppression.kind.rawValue)\(reason)")) + "\n"
                }
                if case .source(let source) = finding.location, let snippet = source.snippet {
                    for line in SourceText.splitLines(snippet).prefix(3) {
                        out += "            " + style.dim("│ " + Self.clip(String(line), 160)) + "\n"
                    }
                }
                if !finding.trace.isEmpty {
                    // The dataflow's way, one step a line: where the data comes from, where it goes.
                    for step in finding.trace {
                        let place = TextEscaping.escape("\(step.path):\(step.line):\(step.column)")
                        out += "            " + style.dim(step.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + place) + "\n"
                    }
                }
                if let commit = finding.commit {
                    let line = "commit \(commit.sha.prefix(12)) by \(commit.author) <\(commit.email)> on \(commit.date.prefix(10)): \(commit.summary)"
                    out += "            " + style.dim(Self.clip(line, 160)) + "\n"
                }
                if case .web(let web) = finding.location, let evidence = web.evidence, !evidence.isEmpty {
                    out += "            " + style.dim("evidence: " + Self.clip(evidence, 160)) + "\n"
                }
                if let help = finding.helpUri {
                    out += "            " + style.dim(TextEscaping.escape(help)) + "\n"
                }
            }
            out += "\n"
        }

        let problems = report.diagnostics.filter { context.verbose || $0.level != .note }
        if !problems.isEmpty {
            for diagnostic in problems {
                out += (diagnostic.level == .error ? style.red(diagnostic.display) : style.yellow(diagnostic.display)) + "\n"
            }
            out += "\n"
        }
        let notes = report.diagnostics.count { $0.level == .note }
        if notes > 0 && !context.verbose {
            out += style.dim("\(notes) note\(notes == 1 ? "" : "s") (skipped binary files and the like); --verbose shows them") + "\n\n"
        }

        if report.scanners.isEmpty {
            out += style.yellow("No scanner ran: none is enabled, or this build has none yet.") + "\n\n"
        }
        out += summary(report, style: style)
        return out
    }

    private func summary(_ report: ScanReport, style: Style) -> String {
        // A scan that read no files (a web scan) counts what it did instead: requests and pages.
        let works = report.scanners.compactMap(\.work)
        let counted = report.files == 0 && !works.isEmpty ? works.joined(separator: "; ") : "\(report.files) file\(report.files == 1 ? "" : "s")"
        var out = style.bold("Summary") + " — \(counted) in \(ReportText.duration(ms: report.durationMs))\n"
        let counts = report.countsBySeverity
        var table: [[String]] = [["severity", "findings"]]
        for (severity, count) in counts { table.append([severity.rawValue, String(count)]) }
        out += Self.table(table, indent: 2) + "\n"
        if !report.scanners.isEmpty {
            var rows: [[String]] = [["scanner", "scanned", "findings", "time"]]
            for run in report.scanners {
                let findings = report.activeFindings.count { $0.scanner == run.id }
                rows.append([run.id + (run.completed ? "" : " (unfinished)"), run.work ?? String(run.filesScanned), String(findings), ReportText.duration(ms: run.durationMs)])
            }
            out += Self.table(rows, indent: 2) + "\n"
        }
        var extras: [String] = []
        let suppressed = report.findings.count { $0.isSuppressed }
        if suppressed > 0 { extras.append("\(suppressed) suppressed") }
        if report.baselined > 0 { extras.append("\(report.baselined) in baseline") }
        if report.belowThreshold > 0 { extras.append("\(report.belowThreshold) below threshold") }
        if !extras.isEmpty { out += "  " + extras.joined(separator: ", ") + "\n" }
        let gating = report.gatingFindings.count
        let gate: String
        switch report.failOn {
        case .none: gate = "Gate: off (--fail-on none)"
        case .severity(let severity) where report.hasFailures && gating == 0:
            // A scan that could not look everywhere never says "passed".
            gate = style.red("Gate not passed") + ": not everything was checked (see the errors above); no finding of severity \(severity.rawValue) or above in what was"
        case .severity(let severity):
            gate = gating == 0
                ? style.green("Gate passed") + ": no finding of severity \(severity.rawValue) or above"
                : style.red("Gate failed") + ": \(gating) finding\(gating == 1 ? "" : "s") of severity \(severity.rawValue) or above"
        }
        out += gate + "\n"
        if report.timedOut {
            out += style.red("Time budget ran out: results are partial") + (report.partialAccepted ? " (accepted with --partial-ok)" : "") + "\n"
        }
        return out
    }

    private func group(of finding: Finding) -> String {
        switch finding.location {
        case .source(let s): s.path
        case .web(let w): Self.origin(w.url)
        case .host(let h): "host \(h.host)"
        }
    }

    private func position(_ finding: Finding) -> String {
        switch finding.location {
        case .source(let s): "\(s.line):\(s.column)"
        case .web(let w): w.method
        case .host(let h): h.control
        }
    }

    static func origin(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<scheme.upperBound]) + host
    }

    static func clip(_ text: String, _ length: Int) -> String {
        let clipped = text.count > length ? String(text.prefix(length)) + "…" : text
        return TextEscaping.escape(clipped)
    }

    static func table(_ rows: [[String]], indent: Int) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            String(repeating: " ", count: indent) + row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// ANSI styling that is a no-op when colour is off.
struct Style {
    var enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
    func red(_ s: String) -> String { wrap("31", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }

    func severity(_ severity: Severity) -> String {
        let label = severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
        switch severity {
        case .critical: return wrap("1;35", label)
        case .high: return wrap("1;31", label)
        case .medium: return wrap("33", label)
        case .low: return wrap("36", label)
        case .info: return wrap("2", label)
        }
    }
}
