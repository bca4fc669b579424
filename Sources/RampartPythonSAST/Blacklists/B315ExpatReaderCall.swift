import RampartCore

/// B315 (xml_bad_expatreader): XML parsing with xml.sax.expatreader.
enum B315ExpatReaderCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.sax.expatreader.create_parser",
    ]
    static let message = "`{name}` is open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B315", "xml_bad_expatreader", title: "XML parsing with xml.sax.expatreader", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.sax.expatreader.create_parser`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nUse `defusedxml.expatreader`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.sax.expatreader\nparser = xml.sax.expatreader.create_parser()\n"), .passes("import defusedxml.expatreader\nparser = defusedxml.expatreader.create_parser()\n")]
    )
}
