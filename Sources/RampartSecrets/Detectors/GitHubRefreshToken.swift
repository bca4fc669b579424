import RampartCore

enum GitHubRefreshToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-refresh-token", title: "GitHub App refresh token",
        documentation: """
        A GitHub refresh token (`ghr_` and 36 characters) obtains new user access tokens for a \
        GitHub App for up to six months, so it outlives any single access token.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks them \
        offline: a token whose checksum holds is reported with high confidence, and a string of the \
        right shape whose checksum fails is not reported.

        **Fix:** revoke the user's authorisation of the app, which invalidates its refresh tokens, \
        and store refresh tokens encrypted in the application's database or secret store.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=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\n", fileName: ".env"),
            .triggers("session[\"refresh_token\"] = \"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\"\n", fileName: "client.py"),
            .passes("GITHUB_TOKEN=ghr_VlRROovTnowaYuR0CqoY2oYpnTeXNe2rRfRH\n", fileName: ".env"),
            .passes("GITHUB_TOKEN=ghr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ghr_"], regex: #"\b(ghr_[0-9A-Za-z]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
