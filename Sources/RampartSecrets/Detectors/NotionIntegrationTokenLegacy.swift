import RampartCore

enum NotionIntegrationTokenLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "notion-integration-token-legacy", title: "Notion integration token (legacy format)",
        documentation: """
        Notion integration tokens issued before September 2024 are `secret_` followed by 43 letters \
        and digits; they read and edit every page and database shared with the integration.

        **Fix:** refresh the secret (My integrations → the integration → Secrets → Refresh), which \
        issues a token in the current `ntn_` format, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("NOTION_TOKEN=secret_aaow3MvRBjOwpKdjs2yfpRFLb8XDmMkOs7jNGVvGcWD\n", fileName: ".env"),
            .triggers("const notion = new Client({ auth: \"secret_aaow3MvRBjOwpKdjs2yfpRFLb8XDmMkOs7jNGVvGcWD\" });\n", fileName: "notion.js"),
            .passes("NOTION_TOKEN=secret_aaow3MvRBjOwpKdjs2y\n", fileName: ".env"),
            .passes("NOTION_TOKEN=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["secret_"], regex: #"\b(secret_[A-Za-z0-9]{43})\b"#, minEntropy: 4.0
    )
}
