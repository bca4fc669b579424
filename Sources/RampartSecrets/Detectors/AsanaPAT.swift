import RampartCore

enum AsanaPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "asana-pat", title: "Asana personal access token", confidence: .medium,
        documentation: """
        An Asana personal access token (`1/` or `2/`, numeric IDs, `:` and 32 hex digits) calls the \
        Asana API as its user: every task, project and attachment in the user's workspaces.

        **Fix:** deauthorise the token (My settings → Apps → Developer apps → Personal access \
        tokens) and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("ASANA_PAT=2/1140363639383311/4011146073340313:0630f1a46b10a56f89f5cfe595c28e97\n", fileName: ".env"),
            .triggers("client = asana.Client.access_token('2/1140363639383311/4011146073340313:0630f1a46b10a56f89f5cfe595c28e97')\n", fileName: "asana_sync.py"),
            .passes("ASANA_PROJECT=1140363639383311\n", fileName: ".env"),
            .passes("ASANA_PAT=2/1140363639383311/4011146073340313:0630f1a46b10\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["asana"],
        regex: #"(?i:asana)[^\n]{0,60}?\b(?<secret>[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32})\b"#,
        minEntropy: 3.0
    )
}
