import PythonSyntax
import RampartCore

/// B503 (ssl_with_bad_defaults): a function whose default protocol is insecure.
enum B503SSLWithBadDefaults: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.functionDef]
    static let metadata = RuleMetadata.bandit(
        "B503", "ssl_with_bad_defaults", title: "Insecure SSL/TLS version as a default", severity: .medium, confidence: .medium, cwe: 327, owasp: .a02,
        documentation: """
        ## What it does
        Flags function definitions whose parameter defaults are SSLv2/3 or TLS 1.0/1.1 protocol constants.

        ## Why is this bad?
        Every caller that does not choose a version gets a broken one.

        ## What to do instead
        Default to `ssl.PROTOCOL_TLS_CLIENT` (or a context from `ssl.create_default_context()`).

        ## References
        - [CWE-327](https://cwe.mitre.org/data/definitions/327.html)
        """,
        examples: [.triggers("import ssl\ndef connect(version=ssl.PROTOCOL_SSLv3):\n    pass\n"), .passes("import ssl\ndef connect(version=ssl.PROTOCOL_TLS_CLIENT):\n    pass\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .functionDef(_, let function) = context.node else { return nil }
        for value in function.args.defaults {
            guard case .attribute(_, let attr, _) = value.kind, InsecureTLS.badVersions.contains(attr) else { continue }
            return RuleHit(.medium, .medium, "Function definition identified with insecure SSL/TLS protocol version by default, possible security issue.")
        }
        return nil
    }
}
