import RampartCore

/// B606 (start_process_with_no_shell): `os.exec*`, `os.spawn*`, `os.startfile`.
enum B606StartProcessWithNoShell: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.noShell
    static let metadata = RuleMetadata.bandit(
        "B606", "start_process_with_no_shell", title: "Process started without a shell", severity: .low, confidence: .medium, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags `os.exec*`, `os.spawn*` and `os.startfile`, so each place that starts a program is reviewed.

        ## Why is this bad?
        No shell is involved, but input that picks the program or its arguments is still dangerous.

        ## What to do instead
        Use fixed, absolute program paths and validate arguments.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("import os\nos.execv('/bin/ls', ['ls'])\n"), .passes("import os\nos.getcwd()\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        ShellInjection.noShell.contains(context.qualname) ? RuleHit(.low, .medium, "Starting a process without a shell.") : nil
    }
}
