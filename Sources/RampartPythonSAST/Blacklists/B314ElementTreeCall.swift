import RampartCore

/// B314 (xml_bad_ElementTree): XML parsing with xml.etree.ElementTree.
enum B314ElementTreeCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.etree.ElementTree.parse",
        "xml.etree.ElementTree.iterparse",
        "xml.etree.ElementTree.fromstring",
        "xml.etree.ElementTree.XMLParser",
    ]
    static let message = "`{name}` is open to entity-expansion attacks (billion laughs) on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B314", "xml_bad_ElementTree", title: "XML parsing with xml.etree.ElementTree", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.etree.ElementTree.parse`, `xml.etree.ElementTree.iterparse`, `xml.etree.ElementTree.fromstring`, `xml.etree.ElementTree.XMLParser`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks (billion laughs) on untrusted XML.\n\n## What to do instead\nParse untrusted XML with `defusedxml.ElementTree`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.etree.ElementTree as ET\nroot = ET.fromstring(text)\n"), .passes("import defusedxml.ElementTree as ET\nroot = ET.fromstring(text)\n")]
    )
}
