import RampartCore

/// B405 (import_xml_etree): Import of xml.etree.
enum B405XMLEtreeImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["xml.etree.cElementTree", "xml.etree.ElementTree"]
    static let message = "Import of {name}: The standard XML parsers are open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B405", "import_xml_etree", title: "Import of xml.etree", severity: .low, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags imports of `xml.etree.cElementTree`, `xml.etree.ElementTree` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nThe standard XML parsers are open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nImport `defusedxml.ElementTree` instead.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.etree.ElementTree as ET\n"), .passes("import defusedxml.ElementTree as ET\n")]
    )
}
