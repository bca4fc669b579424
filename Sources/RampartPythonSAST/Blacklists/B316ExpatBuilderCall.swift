import RampartCore

/// B316 (xml_bad_expatbuilder): XML parsing with xml.dom.expatbuilder.
enum B316ExpatBuilderCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.dom.expatbuilder.parse",
        "xml.dom.expatbuilder.parseString",
    ]
    static let message = "`{name}` is open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B316", "xml_bad_expatbuilder", title: "XML parsing with xml.dom.expatbuilder", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.dom.expatbuilder.parse`, `xml.dom.expatbuilder.parseString`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nUse `defusedxml.expatbuilder`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.dom.expatbuilder\ndoc = xml.dom.expatbuilder.parse(path)\n"), .passes("import defusedxml.expatbuilder\ndoc = defusedxml.expatbuilder.parse(path)\n")]
    )
}
