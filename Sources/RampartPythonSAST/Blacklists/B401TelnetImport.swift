import RampartCore

/// B401 (import_telnetlib): Import of telnetlib.
enum B401TelnetImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["telnetlib"]
    static let message = "Import of {name}: Telnet sends passwords and data in clear text."
    static let metadata = RuleMetadata.bandit(
        "B401", "import_telnetlib", title: "Import of telnetlib", severity: .high, confidence: .high, cwe: 319, owasp: .a02,
        documentation: "## What it does\nFlags imports of `telnetlib` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nTelnet sends passwords and data in clear text.\n\n## What to do instead\nUse SSH instead.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-319](https://cwe.mitre.org/data/definitions/319.html)\n",
        examples: [.triggers("import telnetlib\n"), .passes("import paramiko\n")]
    )
}
