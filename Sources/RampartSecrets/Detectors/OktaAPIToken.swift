import RampartCore

enum OktaAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "okta-api-token", title: "Okta API token", severity: .critical, confidence: .medium,
        documentation: """
        An Okta API token (`00` and 40 characters) calls the Okta management API with the privileges \
        of the administrator who created it: often creating users, resetting passwords and MFA, and \
        changing applications and policies across the organisation.

        **Fix:** revoke the token (Security → API → Tokens), review the system log for its use, and \
        move integrations to OAuth service apps with scoped grants; keep secrets in a secrets \
        manager.
        """,
        examples: [
            .triggers("OKTA_API_TOKEN=00EQCSTZkmfg0TNt2Ia3AeMbuHgkapDLb70pfJOWIR\n", fileName: ".env"),
            .triggers("okta:\n  client:\n    okta_token: '00EQCSTZkmfg0TNt2Ia3AeMbuHgkapDLb70pfJOWIR'\n", fileName: "okta.yaml"),
            .passes("OKTA_ORG_URL=https://acme.okta.com\n", fileName: ".env"),
            .passes("OKTA_API_TOKEN=00EQCSTZkmfg0TNt2Ia3\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["okta"],
        regex: #"(?i:okta[\w.-]{0,15}(?:api[_-]?)?(?:token|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>00[A-Za-z0-9_-]{40})(?![\w-])"#,
        minEntropy: 4.0
    )
}
