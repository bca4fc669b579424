import RampartCore

/// B402 (import_ftplib): Import of ftplib.
enum B402FTPImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["ftplib"]
    static let message = "Import of {name}: FTP sends passwords and data in clear text."
    static let metadata = RuleMetadata.bandit(
        "B402", "import_ftplib", title: "Import of ftplib", severity: .high, confidence: .high, cwe: 319, owasp: .a02,
        documentation: "## What it does\nFlags imports of `ftplib` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nFTP sends passwords and data in clear text.\n\n## What to do instead\nUse SFTP or FTPS.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-319](https://cwe.mitre.org/data/definitions/319.html)\n",
        examples: [.triggers("import ftplib\n"), .passes("import paramiko\n")]
    )
}
