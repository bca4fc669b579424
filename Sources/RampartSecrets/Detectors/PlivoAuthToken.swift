import RampartCore

enum PlivoAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "plivo-auth-token", title: "Plivo auth token", confidence: .medium,
        documentation: """
        A Plivo auth token (40 letters and digits), with the auth ID, calls the Plivo API for the \
        account: sending SMS and placing calls billed to it and reading message and call records.

        **Fix:** regenerate the auth token (Console → Account → Auth credentials) and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("PLIVO_AUTH_TOKEN=jjY4jk1SpGdLaBJOcGEAzF2hBuulC6GbPHDLd9dY\n", fileName: ".env"),
            .triggers("plivo:\n  plivo_auth_token: 'jjY4jk1SpGdLaBJOcGEAzF2hBuulC6GbPHDLd9dY'\n", fileName: "config.yml"),
            .passes("PLIVO_AUTH_TOKEN=jjY4jk1SpGdLaBJOcGEA\n", fileName: ".env"),
            .passes("PLIVO_AUTH_TOKEN=${PLIVO_AUTH_TOKEN}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["plivo"],
        regex: #"(?i:plivo[\w.-]{0,15}(?:auth[_-]?token|token|secret))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
