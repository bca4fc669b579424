import RampartCore

/// B102 (exec_used): `exec` runs arbitrary code.
enum B102ExecUsed: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["exec"]
    static let metadata = RuleMetadata.bandit(
        "B102", "exec_used", title: "Use of exec", severity: .medium, confidence: .high, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags calls to `exec`.

        ## Why is this bad?
        `exec` runs any Python code it receives. If any part of that code comes from a user, a file or the network, an attacker controls the process.

        ## What to do instead
        Dispatch to known functions (a dictionary of callables), or parse data with `json` or `ast.literal_eval`.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("exec(code)\n"), .passes("handlers[name](payload)\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        context.qualname == "exec" ? RuleHit(.medium, .high, "Use of exec: runs arbitrary code.") : nil
    }
}
