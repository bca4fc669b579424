import RampartCore

/// B323 (unverified_context): TLS context that does not verify certificates.
enum B323UnverifiedContextCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "ssl._create_unverified_context",
    ]
    static let message = "`{name}` makes a TLS context that accepts any certificate, so anyone on the path can intercept the connection."
    static let metadata = RuleMetadata.bandit(
        "B323", "unverified_context", title: "TLS context that does not verify certificates", severity: .medium, confidence: .high, cwe: 295, owasp: .a07,
        documentation: "## What it does\nFlags calls to `ssl._create_unverified_context`.\n\n## Why is this bad?\n`the call` makes a TLS context that accepts any certificate, so anyone on the path can intercept the connection.\n\n## What to do instead\nUse `ssl.create_default_context()`, which verifies certificates and host names.\n\n## References\n- [CWE-295](https://cwe.mitre.org/data/definitions/295.html)\n",
        examples: [.triggers("import ssl\nctx = ssl._create_unverified_context()\n"), .passes("import ssl\nctx = ssl.create_default_context()\n")]
    )
}
