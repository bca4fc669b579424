/// The documentation page of a rule, generated from its metadata: `rampart rules show`,
/// `rampart rules docs` and the pages under `docs/rules/` are all this text.
public enum RulePage {
    public static func markdown(for rule: RuleMetadata, scannerTitle: String? = nil) -> String {
        var out = "# \(rule.id): \(rule.title)\n\n"
        var facts: [(String, String)] = [
            ("Rule id", "`\(rule.id)`"),
            ("Severity", rule.severity.rawValue),
            ("Confidence", rule.confidence.rawValue),
        ]
        if let scannerTitle { facts.insert(("Scanner", scannerTitle), at: 1) }
        if !rule.aliases.isEmpty { facts.append(("Also known as", rule.aliases.map { "`\($0)`" }.joined(separator: ", "))) }
        if !rule.cwe.isEmpty {
            facts.append(("CWE", rule.cwe.map { "[CWE-\($0)](https://cwe.mitre.org/data/definitions/\($0).html)" }.joined(separator: ", ")))
        }
        if let owasp = rule.owasp { facts.append(("OWASP Top 10", owasp.label)) }
        if !rule.tags.isEmpty { facts.append(("Tags", rule.tags.joined(separator: ", "))) }
        if rule.status != .stable { facts.append(("Status", rule.status.rawValue)) }
        out += "| | |\n|---|---|\n"
        for (name, value) in facts { out += "| \(name) | \(value) |\n" }
        out += "\n" + rule.documentation.trimmingTrailingNewlines() + "\n"
        let triggering = rule.examples.filter { $0.expectation == .triggers }
        let passing = rule.examples.filter { $0.expectation == .passes }
        let fence = rule.id.scanner == "python" ? "python" : ""
        if !triggering.isEmpty {
            out += "\n## Examples that trigger the rule\n"
            for example in triggering { out += "\n```\(fence)\n\(example.code.trimmingTrailingNewlines())\n```\n" }
        }
        if !passing.isEmpty {
            out += "\n## Examples that do not trigger it\n"
            for example in passing { out += "\n```\(fence)\n\(example.code.trimmingTrailingNewlines())\n```\n" }
        }
        if rule.id.scanner == "host" {
            out += "\n## Waiving it\n\nA waiver names the control, a reason and an expiry date (`rampart host --waivers waivers.yml`, or `host.waivers` in `.rampart.yml`): "
            out += "`- {control: \(rule.id.code), reason: \"…\", expires: 2027-06-30}`. An expired waiver stops applying and says so.\n"
            return out
        }
        out += "\n## Suppressing it\n\nOn the line: `# rampart: ignore[\(rule.id)] reason`"
        if rule.id.code.first == "B" { out += " or Bandit's `# nosec \(rule.id.code)`" }
        out += ". For a path or the whole project, an `ignores:` entry in `.rampart.yml` with a reason and an expiry date.\n"
        return out
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
