import RampartCore

/// B403 (import_pickle): Import of pickle and its relatives.
enum B403PickleImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["pickle", "cPickle", "dill", "shelve"]
    static let message = "Import of {name}: Pickle-style deserialisation of untrusted data runs arbitrary code."
    static let metadata = RuleMetadata.bandit(
        "B403", "import_pickle", title: "Import of pickle and its relatives", severity: .low, confidence: .high, cwe: 502, owasp: .a08,
        documentation: "## What it does\nFlags imports of `pickle`, `cPickle`, `dill`, `shelve` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nPickle-style deserialisation of untrusted data runs arbitrary code.\n\n## What to do instead\nUse JSON for data from outside.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-502](https://cwe.mitre.org/data/definitions/502.html)\n",
        examples: [.triggers("import pickle\n"), .passes("import json\n")]
    )
}
