import RampartCore

/// B604 (any_other_function_with_shell_equals_true).
enum B604AnyOtherFunctionWithShell: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B604", "any_other_function_with_shell_equals_true", title: "Function call with shell=True", severity: .medium, confidence: .low, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags calls of functions other than `subprocess`'s that pass `shell=True`: wrappers that probably run a shell.

        ## Why is this bad?
        A wrapper that hands its command to a shell has the same command-injection risk as `subprocess` with `shell=True`.

        ## What to do instead
        Change the wrapper to take an argument list and run without a shell.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("run_command(cmd, shell=True)\n"), .passes("run_command([prog, arg])\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard !ShellInjection.subprocess.contains(context.qualname), ShellInjection.hasShell(context) else { return nil }
        return RuleHit(.medium, .low, "Function call with shell=True parameter identified, possible security issue.", line: context.lineOfKeyword("shell"))
    }
}
