import RampartCore

enum GitHubAppUserToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-app-user-token", title: "GitHub App user access token",
        documentation: """
        A GitHub App user-to-server token (`ghu_` and 36 characters) acts on behalf of a user \
        through a GitHub App, with the intersection of the app's permissions and the user's access.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks them \
        offline: a token whose checksum holds is reported with high confidence, and a string of the \
        right shape whose checksum fails is not reported.

        **Fix:** revoke the user's authorisation of the app (Settings → Applications → Authorized \
        GitHub Apps) or call the revoke-token API, and keep tokens out of the repository.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=ghu_iriv9Cf7xAfuLTNWUXjHqQjrjbsXY448ImDg\n", fileName: ".env"),
            .triggers("headers = {\"Authorization\": \"token ghu_iriv9Cf7xAfuLTNWUXjHqQjrjbsXY448ImDg\"}\n", fileName: "client.py"),
            .passes("GITHUB_TOKEN=ghu_iriv9Cf7xAfuLTNWUXjHqQjrjbsXY448ImDh\n", fileName: ".env"),
            .passes("GITHUB_TOKEN=ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ghu_"], regex: #"\b(ghu_[0-9A-Za-z]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
