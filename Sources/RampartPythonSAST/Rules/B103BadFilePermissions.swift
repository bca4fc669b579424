import RampartCore

/// B103 (set_bad_file_permissions): `chmod` with a mode that lets group or others write or run.
enum B103BadFilePermissions: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B103", "set_bad_file_permissions", title: "Permissive file permissions", severity: .medium, confidence: .high, cwe: 732, owasp: .a01,
        documentation: """
        ## What it does
        Flags `chmod` calls whose literal mode gives group or others write or execute permission. Severity is high when others may write.

        ## Why is this bad?
        Other users of the machine can change or run the file: replace a script, plant code, read or alter data.

        ## What to do instead
        Grant the least: `0o600` for private files, `0o644` for readable ones, `0o700`/`0o755` for programs.

        ## References
        - [CWE-732](https://cwe.mitre.org/data/definitions/732.html)
        """,
        examples: [
            .triggers("import os\nos.chmod('/etc/app.conf', 0o777)\n"),
            .triggers("import os\nos.chmod(path, 0o775)\n"),
            .passes("import os\nos.chmod(path, 0o600)\n"),
        ]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard TextSearch.contains(context.name, "chmod"), context.callArguments.count == 2, let mode = context.argument(at: 1)?.integer else { return nil }
        let dangerous = 0o002 | 0o020 | 0o010 | 0o001
        guard mode & dangerous != 0 else { return nil }
        let file = context.argument(at: 0)?.string ?? "NOT PARSED"
        return RuleHit(mode & 0o002 != 0 ? .high : .medium, .high, "chmod setting a permissive mask 0o\(String(mode, radix: 8)) on file (\(file)).")
    }
}
