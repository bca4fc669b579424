import RampartCore

/// B504 (ssl_with_no_version): `ssl.wrap_socket` with the default protocol.
enum B504SSLWithNoVersion: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["ssl.wrap_socket"]
    static let metadata = RuleMetadata.bandit(
        "B504", "ssl_with_no_version", title: "ssl.wrap_socket without a protocol version", severity: .low, confidence: .medium, cwe: 327, owasp: .a02,
        documentation: """
        ## What it does
        Flags `ssl.wrap_socket()` without `ssl_version=`.

        ## Why is this bad?
        The default negotiates down to versions that may be insecure, and `ssl.wrap_socket` does not check certificates or host names.

        ## What to do instead
        Use `ssl.create_default_context().wrap_socket(sock, server_hostname=host)`.

        ## References
        - [CWE-327](https://cwe.mitre.org/data/definitions/327.html)
        """,
        examples: [.triggers("import ssl\nssl.wrap_socket(sock)\n"), .passes("import ssl\nssl.create_default_context().wrap_socket(sock, server_hostname=host)\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.qualname == "ssl.wrap_socket", context.keywordIsMissingOrNotLiteral("ssl_version") else { return nil }
        return RuleHit(.low, .medium, "ssl.wrap_socket call with no SSL/TLS protocol version specified, the default SSLv23 could be insecure, possible security issue.", line: context.lineOfKeyword("ssl_version"))
    }
}
