import RampartCore

/// B317 (xml_bad_sax): XML parsing with xml.sax.
enum B317SaxCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.sax.parse",
        "xml.sax.parseString",
        "xml.sax.make_parser",
    ]
    static let message = "`{name}` is open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B317", "xml_bad_sax", title: "XML parsing with xml.sax", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.sax.parse`, `xml.sax.parseString`, `xml.sax.make_parser`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nUse `defusedxml.sax`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.sax\nxml.sax.parse(path, handler)\n"), .passes("import defusedxml.sax\ndefusedxml.sax.parse(path, handler)\n")]
    )
}
