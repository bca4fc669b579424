import RampartCore

/// B502 (ssl_with_bad_version): SSLv2/3, TLS 1.0/1.1 chosen explicitly.
enum B502SSLWithBadVersion: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B502", "ssl_with_bad_version", title: "Insecure SSL/TLS protocol version", severity: .high, confidence: .high, cwe: 327, owasp: .a02,
        documentation: """
        ## What it does
        Flags `ssl.wrap_socket(ssl_version=…)`, `SSL.Context(method=…)` and other calls whose `ssl_version`/`method` is SSLv2, SSLv3, TLS 1.0 or TLS 1.1 (medium for calls other than those two).

        ## Why is this bad?
        These protocol versions have practical attacks (POODLE, BEAST, downgrade) and are disabled by modern clients.

        ## What to do instead
        Use `ssl.create_default_context()` and, if needed, set `minimum_version = ssl.TLSVersion.TLSv1_2`.

        ## References
        - [CWE-327](https://cwe.mitre.org/data/definitions/327.html)
        """,
        examples: [.triggers("import ssl\nssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)\n"), .passes("import ssl\nctx = ssl.create_default_context()\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let bad = InsecureTLS.badVersionList
        switch context.qualname {
        case "ssl.wrap_socket":
            guard context.checkKeyword("ssl_version", bad) == true else { return nil }
            return RuleHit(.high, .high, "ssl.wrap_socket call with insecure SSL/TLS protocol version identified, security issue.", line: context.lineOfKeyword("ssl_version"))
        case "pyOpenSSL.SSL.Context":
            guard context.checkKeyword("method", bad) == true else { return nil }
            return RuleHit(.high, .high, "SSL.Context call with insecure SSL/TLS protocol version identified, security issue.", line: context.lineOfKeyword("method"))
        default:
            guard context.checkKeyword("method", bad) == true || context.checkKeyword("ssl_version", bad) == true else { return nil }
            return RuleHit(.medium, .medium, "Function call with insecure SSL/TLS protocol identified, possible security issue.", line: context.lineOfKeyword("method") ?? context.lineOfKeyword("ssl_version"))
        }
    }
}
