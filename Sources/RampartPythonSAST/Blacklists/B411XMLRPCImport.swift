import RampartCore

/// B411 (import_xmlrpclib): Import of xmlrpc.
enum B411XMLRPCImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["xmlrpc"]
    static let message = "Import of {name}: XML-RPC parses untrusted XML with the standard, attackable parsers."
    static let metadata = RuleMetadata.bandit(
        "B411", "import_xmlrpclib", title: "Import of xmlrpc", severity: .high, confidence: .high, cwe: 20, owasp: .a05,
        documentation: "## What it does\nFlags imports of `xmlrpc` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nXML-RPC parses untrusted XML with the standard, attackable parsers.\n\n## What to do instead\nCall `defusedxml.xmlrpc.monkey_patch()` first, or avoid XML-RPC.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-20](https://cwe.mitre.org/data/definitions/20.html)\n",
        examples: [.triggers("import xmlrpc.client\n"), .passes("import json\n")]
    )
}
