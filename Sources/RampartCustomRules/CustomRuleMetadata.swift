import RampartCore

extension CustomRule {
    /// Findings of custom rules are `rules/<id>`; the bare id stays a name for `# nosemgrep: id`,
    /// `# nosec id` and `# rampart: ignore[id]`.
    public var ruleID: RuleID { RuleID(scanner: "rules", code: id) }

    /// The rule as Rampart's reports, `rampart rules` and SARIF's rules table describe it.
    public var metadata: RuleMetadata {
        // The first sentence of the message is the title (the message itself is per finding).
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? id
        let sentence = firstLine.range(of: ". ").map { String(firstLine[..<$0.lowerBound]) } ?? firstLine
        let title = sentence.count > 120 ? String(sentence.prefix(117)) + "…" : sentence
        var documentation = "## What it does\n\n\(message)\n\nA custom rule in Semgrep's format, from `\(file)` (line \(line)).\n"
        if !extraMetadata.isEmpty {
            documentation += "\n" + extraMetadata.map { "- \($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
        }
        if !references.isEmpty {
            documentation += "\n## References\n\n" + references.map { "- <\($0)>" }.joined(separator: "\n") + "\n"
        }
        return RuleMetadata(
            id: ruleID, aliases: [id], title: title, severity: severity, confidence: confidence, cwe: cwe, owasp: owasp,
            tags: ["custom", "semgrep"], documentation: documentation, examples: []
        )
    }
}

extension RuleSet {
    public var metadata: [RuleMetadata] { rules.map { $0.metadata } }
}
