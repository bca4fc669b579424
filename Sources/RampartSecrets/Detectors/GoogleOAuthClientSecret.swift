import RampartCore

enum GoogleOAuthClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "google-oauth-client-secret", title: "Google OAuth client secret",
        documentation: """
        A Google OAuth 2.0 client secret (`GOCSPX-` and 28 characters) lets its holder complete \
        OAuth flows as your application: exchange authorization codes, refresh user tokens and \
        impersonate the app on the consent screen.

        **Fix:** add a new secret to the OAuth client and delete the old one (APIs & Services → \
        Credentials → the client → Client secrets), then keep the secret in a secrets manager or the \
        deployment's environment.
        """,
        examples: [
            .triggers("GOOGLE_CLIENT_SECRET=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\n", fileName: ".env"),
            .triggers("{\"web\": {\"client_id\": \"4821.apps.googleusercontent.com\", \"client_secret\": \"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\"}}\n", fileName: "client_secret.json"),
            .passes("GOOGLE_CLIENT_SECRET=GOCSPX-VBEzyvZXfV5-6UzwpbSVxN68a_3\n", fileName: ".env"),
            .passes("GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gocspx-"], regex: #"\b(GOCSPX-[A-Za-z0-9_-]{28})(?![\w-])"#
    )
}
