import RampartCore

/// B605 (start_process_with_a_shell): `os.system`, `os.popen` and friends.
enum B605StartProcessWithShell: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.shell
    static let metadata = RuleMetadata.bandit(
        "B605", "start_process_with_a_shell", title: "Process started with a shell", severity: .high, confidence: .high, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags `os.system`, `os.popen*`, `popen2.*`, `commands.*` and `subprocess.getoutput/getstatusoutput`. High severity when the command is built, low for a plain literal.

        ## Why is this bad?
        These always run a shell, so input in the command can run other commands.

        ## What to do instead
        Use `subprocess.run([...])` with an argument list.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("import os\nos.system('ping ' + host)\n"), .triggers("import os\nos.system('ls')\n"), .passes("import subprocess\nsubprocess.run(['ping', host])\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard ShellInjection.shell.contains(context.qualname), !context.callArguments.isEmpty else { return nil }
        if ShellInjection.commandIsLiteral(context) {
            return RuleHit(.low, .high, "Starting a process with a shell: Seems safe, but may be changed in the future, consider rewriting without shell")
        }
        return RuleHit(.high, .high, "Starting a process with a shell, possible injection detected, security issue.")
    }
}
