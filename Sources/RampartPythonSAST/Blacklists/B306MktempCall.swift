import RampartCore

/// B306 (mktemp_q): Insecure temporary file name (tempfile.mktemp).
enum B306MktempCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "tempfile.mktemp",
    ]
    static let message = "`{name}` returns a name another process can claim before you create the file."
    static let metadata = RuleMetadata.bandit(
        "B306", "mktemp_q", title: "Insecure temporary file name (tempfile.mktemp)", severity: .medium, confidence: .high, cwe: 377, owasp: .a01,
        documentation: "## What it does\nFlags calls to `tempfile.mktemp`.\n\n## Why is this bad?\n`the call` returns a name another process can claim before you create the file.\n\n## What to do instead\nUse `tempfile.mkstemp()` or `tempfile.NamedTemporaryFile()`, which create the file atomically.\n\n## References\n- [CWE-377](https://cwe.mitre.org/data/definitions/377.html)\n",
        examples: [.triggers("import tempfile\npath = tempfile.mktemp()\n"), .passes("import tempfile\nfd, path = tempfile.mkstemp()\n")]
    )
}
