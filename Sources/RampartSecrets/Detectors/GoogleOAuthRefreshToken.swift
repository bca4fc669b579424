import RampartCore

enum GoogleOAuthRefreshToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "google-oauth-refresh-token", title: "Google OAuth refresh token",
        documentation: """
        A Google OAuth refresh token (`1//0` and a long URL-safe string) mints new access tokens for \
        the user who granted consent, for every scope granted, until the user or an administrator \
        revokes it; it is often found in `authorized_user` credential files and token caches.

        **Fix:** revoke it (the user's Google Account → Security → Third-party access, or the OAuth \
        revoke endpoint), then keep token caches out of the repository, for example in the \
        platform's keychain or a secrets manager.
        """,
        examples: [
            .triggers("{\"type\": \"authorized_user\", \"refresh_token\": \"1//01B3Edxx8fEOs6h9EYItfHV6jpSOLpniA7FB5CsgH3-xUdIsO0EMQLxn822gwCXKdVVqgKx0ej7qf1g1teEoqRiXtUgSUxLYGECw7\"}\n", fileName: "adc.json"),
            .triggers("GOOGLE_REFRESH_TOKEN=1//01B3Edxx8fEOs6h9EYItfHV6jpSOLpniA7FB5CsgH3-xUdIsO0EMQLxn822gwCXKdVVqgKx0ej7qf1g1teEoqRiXtUgSUxLYGECw7\n", fileName: ".env"),
            .passes("GOOGLE_REFRESH_TOKEN=1//01B3Edxx8fEOs6h9\n", fileName: ".env"),
            .passes("url = 'http://10.0.0.1//01B3Edxx8fEOs6h9EYItfHV6jpSOLpniA7FB5CsgH3-xUdIsO0EMQLxn822gwCX'\n", fileName: "client.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["1//0"], regex: #"(?<![\w/:.-])(1//0[A-Za-z0-9_-]{40,500})(?![\w-])"#, minEntropy: 4.0
    )
}
