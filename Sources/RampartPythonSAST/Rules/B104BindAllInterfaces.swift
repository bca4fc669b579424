import RampartCore

/// B104 (hardcoded_bind_all_interfaces): listening on 0.0.0.0.
enum B104BindAllInterfaces: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.string]
    static let metadata = RuleMetadata.bandit(
        "B104", "hardcoded_bind_all_interfaces", title: "Binding to all interfaces", severity: .medium, confidence: .medium, cwe: 605, owasp: .a05,
        documentation: """
        ## What it does
        Flags the string `"0.0.0.0"`.

        ## Why is this bad?
        A service bound to every interface is reachable from every network the machine is on, including ones it was not meant for.

        ## What to do instead
        Bind to `127.0.0.1` for local services, or to the address of the intended interface, taken from configuration.

        ## References
        - [CWE-605](https://cwe.mitre.org/data/definitions/605.html)
        """,
        examples: [.triggers("app.run(host='0.0.0.0')\n"), .passes("app.run(host='127.0.0.1')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .string(_, let value) = context.node, value == "0.0.0.0" else { return nil }
        return RuleHit(.medium, .medium, "Possible binding to all interfaces.")
    }
}
