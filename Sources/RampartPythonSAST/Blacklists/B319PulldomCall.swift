import RampartCore

/// B319 (xml_bad_pulldom): XML parsing with xml.dom.pulldom.
enum B319PulldomCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.dom.pulldom.parse",
        "xml.dom.pulldom.parseString",
    ]
    static let message = "`{name}` is open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B319", "xml_bad_pulldom", title: "XML parsing with xml.dom.pulldom", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.dom.pulldom.parse`, `xml.dom.pulldom.parseString`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nUse `defusedxml.pulldom`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("from xml.dom import pulldom\nevents = pulldom.parseString(text)\n"), .passes("from defusedxml import pulldom\nevents = pulldom.parseString(text)\n")]
    )
}
