import RampartCore

enum SentryUserAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sentry-user-auth-token", title: "Sentry user auth token",
        documentation: """
        A Sentry user auth token (`sntryu_` and 64 hex digits) calls the Sentry API as the user with \
        the token's scopes: reading issues and events, which can include personal data from error \
        reports, and managing projects and releases.

        **Fix:** revoke it (User settings → Personal Tokens), and use organization tokens for CI, \
        stored as CI secrets.
        """,
        examples: [
            .triggers("SENTRY_AUTH_TOKEN=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\n", fileName: ".env"),
            .triggers("[auth]\ntoken=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\n", fileName: ".sentryclirc"),
            .passes("SENTRY_AUTH_TOKEN=sntryu_2b7de74b56cc7bf5d6f0e22020832c53\n", fileName: ".env"),
            .passes("SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sntryu_"], regex: #"\b(sntryu_[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
