import RampartCore

enum NotionAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "notion-api-token", title: "Notion integration token",
        documentation: """
        A Notion integration token (`ntn_`, 11 digits and 35 characters) calls the Notion API as an \
        internal integration: it reads and edits every page and database shared with the \
        integration.

        **Fix:** refresh the secret (My integrations → the integration → Secrets → Refresh) and keep \
        the new one in a secrets manager.
        """,
        examples: [
            .triggers("NOTION_TOKEN=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\n", fileName: ".env"),
            .triggers("notion = Client(auth=\"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\")\n", fileName: "notion_sync.py"),
            .passes("NOTION_TOKEN=ntn_57285301862VzIeCTQr23vl\n", fileName: ".env"),
            .passes("NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ntn_"], regex: #"\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\b"#, minEntropy: 3.5
    )
}
