import RampartCore

enum SentryOrgAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sentry-org-auth-token", title: "Sentry organization auth token",
        documentation: """
        A Sentry organization auth token (`sntrys_` and a base-64 payload with a secret) is used by \
        CI to upload source maps and create releases; it can also read the organisation's projects \
        and their event data within the token's scopes.

        **Fix:** revoke it (Settings → Auth Tokens / Organization Tokens) and keep its replacement \
        as a CI secret.
        """,
        examples: [
            .triggers("SENTRY_AUTH_TOKEN=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\n", fileName: ".env"),
            .triggers("auth.token=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\n", fileName: "sentry.properties"),
            .passes("SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MTg5MDAw\n", fileName: ".env"),
            .passes("SENTRY_AUTH_TOKEN=sntrys_...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sntrys_"], regex: #"\b(sntrys_eyJ[A-Za-z0-9+/=_-]{80,1000})"#, minEntropy: 4.0
    )
}
