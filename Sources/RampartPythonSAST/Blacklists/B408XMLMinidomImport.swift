import RampartCore

/// B408 (import_xml_minidom): Import of xml.dom.minidom.
enum B408XMLMinidomImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["xml.dom.minidom"]
    static let message = "Import of {name}: The standard XML parsers are open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B408", "import_xml_minidom", title: "Import of xml.dom.minidom", severity: .low, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags imports of `xml.dom.minidom` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nThe standard XML parsers are open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nImport `defusedxml.minidom` instead.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("from xml.dom import minidom\n"), .passes("from defusedxml import minidom\n")]
    )
}
