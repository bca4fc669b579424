import RampartCore

enum GitHubPersonalAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-pat", title: "GitHub personal access token",
        documentation: """
        A classic GitHub personal access token (`ghp_` and 36 characters) acts as its owner on \
        every repository and organisation the token's scopes allow.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks \
        them offline: a token whose checksum holds is reported with high confidence, and a \
        string of the right shape whose checksum fails is not a token and is not reported.

        **Fix:** revoke the token (Settings → Developer settings → Tokens), then move the \
        value to a secret store or CI secret and read it from the environment.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=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\n"),
            .triggers("token: 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\n", fileName: "ci.yml"),
            .passes("GITHUB_TOKEN=ghp_K3r9XzQ2vLmN8pWtY4bHcJdF6sAeRgAAAAAA\n"),
            .passes("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ghp_"], regex: #"\b(ghp_[0-9A-Za-z]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
