import RampartCore

/// B601 (paramiko_calls): a shell command run over SSH.
enum B601ParamikoCalls: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B601", "paramiko_calls", title: "Shell command over Paramiko", severity: .medium, confidence: .medium, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags `exec_command` calls in modules that import Paramiko.

        ## Why is this bad?
        The remote side runs the command in a shell: input in it can run other commands on the remote host.

        ## What to do instead
        Run fixed commands, and quote every input with `shlex.quote`.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("import paramiko\nclient.exec_command('ls ' + path)\n"), .passes("import paramiko\nclient.open_sftp()\n")]
    )

    static let callLastNames: Set<String>? = ["exec_command"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("paramiko"), context.name == "exec_command" else { return nil }
        return RuleHit(.medium, .medium, "Possible shell injection via Paramiko call, check inputs are properly sanitized.")
    }
}
