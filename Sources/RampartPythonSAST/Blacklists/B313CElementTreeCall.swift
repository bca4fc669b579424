import RampartCore

/// B313 (xml_bad_cElementTree): XML parsing with xml.etree.cElementTree.
enum B313CElementTreeCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "xml.etree.cElementTree.parse",
        "xml.etree.cElementTree.iterparse",
        "xml.etree.cElementTree.fromstring",
        "xml.etree.cElementTree.XMLParser",
    ]
    static let message = "`{name}` is open to entity-expansion attacks (billion laughs) on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B313", "xml_bad_cElementTree", title: "XML parsing with xml.etree.cElementTree", severity: .medium, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags calls to `xml.etree.cElementTree.parse`, `xml.etree.cElementTree.iterparse`, `xml.etree.cElementTree.fromstring`, `xml.etree.cElementTree.XMLParser`.\n\n## Why is this bad?\n`the call` is open to entity-expansion attacks (billion laughs) on untrusted XML.\n\n## What to do instead\nParse untrusted XML with `defusedxml.ElementTree`.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.etree.cElementTree as ET\ntree = ET.parse(path)\n"), .passes("import defusedxml.ElementTree as ET\ntree = ET.parse(path)\n")]
    )
}
