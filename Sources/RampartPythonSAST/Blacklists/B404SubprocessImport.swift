import RampartCore

/// B404 (import_subprocess): Import of subprocess.
enum B404SubprocessImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["subprocess"]
    static let message = "Import of {name}: Running processes is where command injection happens; review each use."
    static let metadata = RuleMetadata.bandit(
        "B404", "import_subprocess", title: "Import of subprocess", severity: .low, confidence: .high, cwe: 78, owasp: .a03,
        documentation: "## What it does\nFlags imports of `subprocess` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nRunning processes is where command injection happens; review each use.\n\n## What to do instead\nPass argument lists, never `shell=True` with input.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-78](https://cwe.mitre.org/data/definitions/78.html)\n",
        examples: [.triggers("import subprocess\n"), .passes("import shlex\n")]
    )
}
