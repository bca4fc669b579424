import RampartCore

enum ClickUpAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "clickup-api-token", title: "ClickUp personal API token",
        documentation: """
        A ClickUp personal API token (`pk_`, the user ID and 32 characters) calls the ClickUp API as \
        its user on every workspace the user belongs to: tasks, docs, comments and members.

        **Fix:** regenerate the token (Settings → Apps → API Token) and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("CLICKUP_TOKEN=pk_68501611_TKMHBKAUQV1MOQO9H3WWHZCUXF5P5JRW\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'pk_68501611_TKMHBKAUQV1MOQO9H3WWHZCUXF5P5JRW'}\n", fileName: "clickup.py"),
            .passes("CLICKUP_TOKEN=pk_68501611_TKMHBKAUQV1MOQO9\n", fileName: ".env"),
            .passes("CLICKUP_TOKEN=pk_68501611_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pk_"], regex: #"\b(pk_[0-9]{6,10}_[A-Z0-9]{32})\b"#, minEntropy: 3.5
    )
}
