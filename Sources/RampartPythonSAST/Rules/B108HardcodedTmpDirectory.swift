import RampartCore

/// B108 (hardcoded_tmp_directory): paths in shared temporary folders.
enum B108HardcodedTmpDirectory: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.string]
    static let metadata = RuleMetadata.bandit(
        "B108", "hardcoded_tmp_directory", title: "Hard-coded temporary file path", severity: .medium, confidence: .medium, cwe: 377, owasp: .a01,
        documentation: """
        ## What it does
        Flags strings that start with `/tmp`, `/var/tmp` or `/dev/shm` (configurable with `python: {tmp_dirs: […]}`).

        ## Why is this bad?
        Every user of the machine can write there. A fixed name can be created first by someone else, as a symlink to a file of yours or as a file they read later.

        ## What to do instead
        Use `tempfile.mkstemp()`, `tempfile.NamedTemporaryFile()` or `tempfile.TemporaryDirectory()`.

        ## References
        - [CWE-377](https://cwe.mitre.org/data/definitions/377.html)
        """,
        examples: [.triggers("open('/tmp/report.txt', 'w')\n"), .passes("import tempfile\nf = tempfile.NamedTemporaryFile()\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .string(_, let value) = context.node,
              context.options.tmpDirectories.contains(where: { value.hasPrefix($0) }) else { return nil }
        return RuleHit(.medium, .medium, "Probable insecure usage of temp file/directory.")
    }
}
