import RampartCore

/// One task for a team: the findings of one rule in one component (a file, a package, a web site,
/// a host), so fifty hits of a rule in one file are one task. Its key is stable across runs and is
/// how trackers find the task again.
public struct SecurityTask: Sendable, Equatable {
    /// `rampart-` and 12 hex digits over scanner, rule and component: the fingerprint label.
    public var key: String
    public var scanner: String
    /// The rule, or for vulnerable packages `<scanner>/vulnerable-dependency` (one upgrade fixes them all).
    public var ruleId: RuleID
    public var ruleTitle: String
    public var component: String
    public var severity: Severity
    public var findings: [Finding]
    /// The rule's documentation page (`docs_base_url`).
    public var docsURL: String?
    /// A command that shows the findings again.
    public var reproduce: String?

    public static let keyPrefix = "rampart-"
    /// The label every Rampart task carries, to list them all in one request.
    public static let commonLabel = "rampart"

    public var title: String {
        let count = findings.count == 1 ? "" : " (\(findings.count) findings)"
        // One line of plain text wherever it goes (an issue title, a heading, a terminal).
        return TextEscaping.escape("[\(severity.rawValue)] \(ruleId.rawValue): \(ruleTitle) in \(component)\(count)")
    }

    public var labels: [String] { [Self.commonLabel, key, "severity:\(severity.rawValue)"] }

    /// The task's text in Markdown: rule, documentation, every finding, how to reproduce. It holds
    /// no time or run number, so an unchanged task renders the same and is not rewritten.
    public var body: String {
        var lines: [String] = [TaskMarker.render(key: key, scanner: scanner), ""]
        let rule = docsURL.map { "[`\(ruleId.rawValue)`](\($0))" } ?? "`\(ruleId.rawValue)`"
        lines.append("**Rule** \(rule): \(Markdown.inline(ruleTitle))  ")
        lines.append("**Component** `\(Markdown.code(component))`  ")
        lines.append("**Severity** \(severity.rawValue)" + (cwe.isEmpty ? "" : " · " + cwe.map { "[CWE-\($0)](https://cwe.mitre.org/data/definitions/\($0).html)" }.joined(separator: ", ")))
        lines.append("")
        lines.append("## Findings (\(findings.count))")
        lines.append("")
        lines.append("| Where | Severity | Finding | Fingerprint |")
        lines.append("|---|---|---|---|")
        for finding in findings.prefix(Self.tableLimit) {
            let message = finding.helpUri.flatMap { $0 == docsURL ? nil : $0 }.map { "[\(Markdown.cell(finding.message))](\($0))" } ?? Markdown.cell(finding.message)
            lines.append("| `\(Markdown.code(Self.place(finding)))` | \(finding.severity.rawValue) | \(message) | `\(finding.fingerprint)` |")
        }
        if findings.count > Self.tableLimit {
            lines.append("")
            lines.append("…and \(findings.count - Self.tableLimit) more; the report of the run lists them all.")
        }
        if let reproduce {
            lines.append("")
            lines.append("## How to reproduce")
            lines.append("")
            lines.append("```sh")
            lines.append(reproduce)
            lines.append("```")
        }
        lines.append("")
        lines.append("## How to fix")
        lines.append("")
        lines.append(docsURL.map { "The [rule's page](\($0)) says why this matters and what to do instead." } ?? "See the rule's documentation.")
        lines.append("To accept a finding instead, with a reason: `rampart findings accept FINGERPRINT --reason \"…\"`.")
        lines.append("")
        lines.append("_Rampart keeps this task up to date on every run and closes it when none of its findings is left._")
        return lines.joined(separator: "\n") + "\n"
    }

    static let tableLimit = 100

    var cwe: [Int] { Array(Set(findings.flatMap(\.cwe))).sorted() }

    /// Where a finding is, without the column: `app/db.py:12`, `GET https://…/login`, `web01: sshd-07`.
    static func place(_ finding: Finding) -> String {
        switch finding.location {
        case .source(let source):
            let place = "\(source.path):\(source.line)"
            return finding.commit.map { "\(place) @ \($0.sha.prefix(10))" } ?? place
        case .web, .host:
            return finding.location.display
        }
    }
}

/// The hidden line that marks a task's text as Rampart's, with its key and scanner: trackers read
/// it back to know which tasks a run may close.
enum TaskMarker {
    static func render(key: String, scanner: String) -> String { "<!-- rampart-task key=\(key) scanner=\(scanner) -->" }

    static func parse(_ text: String) -> (key: String, scanner: String)? {
        guard let start = text.range(of: "<!-- rampart-task "),
              let end = text.range(of: " -->", range: start.upperBound..<text.endIndex) else { return nil }
        var fields: [String: String] = [:]
        for pair in text[start.upperBound..<end.lowerBound].split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let key = fields["key"], let scanner = fields["scanner"] else { return nil }
        return (key, scanner)
    }
}

/// Escapes for text that goes into Markdown: findings hold code and server output.
enum Markdown {
    /// Inside a table cell: no line breaks, no pipes.
    static func cell(_ text: String) -> String {
        inline(String(text.prefix(300))).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Running text: no HTML, no line breaks.
    static func inline(_ text: String) -> String {
        TextEscaping.escape(text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " "))
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Inside backticks: no backticks, no line breaks.
    static func code(_ text: String) -> String {
        TextEscaping.escape(String(text.prefix(300)).replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " "))
            .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
