import RampartCore

/// B407 (import_xml_expat): Import of xml.dom.expatbuilder.
enum B407XMLExpatImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["xml.dom.expatbuilder"]
    static let message = "Import of {name}: The standard XML parsers are open to entity-expansion attacks on untrusted XML."
    static let metadata = RuleMetadata.bandit(
        "B407", "import_xml_expat", title: "Import of xml.dom.expatbuilder", severity: .low, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags imports of `xml.dom.expatbuilder` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nThe standard XML parsers are open to entity-expansion attacks on untrusted XML.\n\n## What to do instead\nImport `defusedxml.expatbuilder` instead.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xml.dom.expatbuilder\n"), .passes("import defusedxml.expatbuilder\n")]
    )
}
