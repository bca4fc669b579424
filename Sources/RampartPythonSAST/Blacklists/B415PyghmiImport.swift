import RampartCore

/// B415 (import_pyghmi): Import of pyghmi (IPMI).
enum B415PyghmiImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["pyghmi"]
    static let message = "Import of {name}: IPMI is an insecure protocol."
    static let metadata = RuleMetadata.bandit(
        "B415", "import_pyghmi", title: "Import of pyghmi (IPMI)", severity: .high, confidence: .high, cwe: 319, owasp: .a02,
        documentation: "## What it does\nFlags imports of `pyghmi` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nIPMI is an insecure protocol.\n\n## What to do instead\nUse a management protocol with encryption and authentication (Redfish over HTTPS).\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-319](https://cwe.mitre.org/data/definitions/319.html)\n",
        examples: [.triggers("import pyghmi\n"), .passes("import requests\n")]
    )
}
