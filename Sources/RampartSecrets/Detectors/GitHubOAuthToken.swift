import RampartCore

enum GitHubOAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-oauth-token", title: "GitHub OAuth access token",
        documentation: """
        A GitHub OAuth access token (`gho_` and 36 characters) acts as the user who authorised an \
        OAuth app, with the scopes granted to the app: the GitHub CLI stores one in `hosts.yml`.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks them \
        offline: a token whose checksum holds is reported with high confidence, and a string of the \
        right shape whose checksum fails is not reported.

        **Fix:** revoke it (Settings → Applications → Authorized OAuth Apps, or `gh auth logout`) \
        and keep tokens in the OS keychain rather than in files that get committed.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=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\n", fileName: ".env"),
            .triggers("gh = Github(auth=Auth.Token(\"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\"))\n", fileName: "client.py"),
            .passes("GITHUB_TOKEN=gho_lXlFkzw8Rrz6ggYLLNjoyl0a3IXgCi2Sysjw\n", fileName: ".env"),
            .passes("GITHUB_TOKEN=gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gho_"], regex: #"\b(gho_[0-9A-Za-z]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
