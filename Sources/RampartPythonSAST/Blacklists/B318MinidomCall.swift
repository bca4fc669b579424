import RampartCore

/// B318 (xml_bad_minidom): XML parsing with xml.dom.minidom.
enum B318MinidomCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.dom.minidom.parse",
        "xml.dom.minidom.parseString",
    ]
    static let message = "`{name}` is open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B318", "xml_bad_minidom", title: "XML parsing with xml.dom.minidom", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.dom.minidom.parse`, `xml.dom.minidom.parseString`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nUse `defusedxml.minidom`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("from xml.dom import minidom\ndoc = minidom.parseString(text)\n"), .passes("from defusedxml import minidom\ndoc = minidom.parseString(text)\n")]
    )
}
