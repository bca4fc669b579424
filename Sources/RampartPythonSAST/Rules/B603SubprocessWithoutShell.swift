import RampartCore

/// B603 (subprocess_without_shell_equals_true): every other subprocess call, for review.
enum B603SubprocessWithoutShell: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.subprocess
    static let metadata = RuleMetadata.bandit(
        "B603", "subprocess_without_shell_equals_true", title: "subprocess call without a shell", severity: .low, confidence: .high, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags `subprocess` calls without `shell=True`, so that each place that runs a program is reviewed.

        ## Why is this bad?
        Without a shell there is no shell injection, but input that chooses the program or its options can still do harm (`--output=/etc/passwd`).

        ## What to do instead
        Run fixed programs by absolute path, put `--` before input arguments, and validate input against an allow list.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("import subprocess\nsubprocess.run(['git', 'status'])\n"), .passes("import shutil\nshutil.which('git')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard ShellInjection.subprocess.contains(context.qualname), !ShellInjection.hasShell(context) else { return nil }
        return RuleHit(.low, .high, "subprocess call - check for execution of untrusted input.", line: context.lineOfKeyword("shell"))
    }
}
