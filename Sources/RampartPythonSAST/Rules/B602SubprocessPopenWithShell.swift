import RampartCore

/// B602 (subprocess_popen_with_shell_equals_true).
enum B602SubprocessPopenWithShell: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.subprocess
    static let metadata = RuleMetadata.bandit(
        "B602", "subprocess_popen_with_shell_equals_true", title: "subprocess call with shell=True", severity: .high, confidence: .high, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags `subprocess.Popen/call/check_call/check_output/run` with `shell=True`. High severity when the command is built (a variable, a format, a concatenation); low when it is a plain string literal.

        ## Why is this bad?
        The shell interprets the whole command: any input that reaches it can add `; rm -rf ~` or `$(curl …)`.

        ## What to do instead
        Pass an argument list without a shell: `subprocess.run(["ls", "-l", path])`. If a shell is unavoidable, quote every input with `shlex.quote`.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [
            .triggers("import subprocess\nsubprocess.Popen('ls ' + path, shell=True)\n"),
            .triggers("import subprocess as sp\nsp.run(cmd, shell=True)\n"),
            .triggers("from subprocess import call as run\nrun('ls -l', shell=True)\n"),
            .passes("import subprocess\nsubprocess.run(['ls', '-l', path])\n"),
            .passes("import subprocess\nsubprocess.run(cmd, shell=False)\n"),
        ]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard ShellInjection.subprocess.contains(context.qualname), ShellInjection.hasShell(context), !context.callArguments.isEmpty else { return nil }
        let line = context.lineOfKeyword("shell")
        if ShellInjection.commandIsLiteral(context) {
            return RuleHit(.low, .high, "subprocess call with shell=True seems safe, but may be changed in the future, consider rewriting without shell", line: line)
        }
        return RuleHit(.high, .high, "subprocess call with shell=True identified, security issue.", line: line)
    }
}
