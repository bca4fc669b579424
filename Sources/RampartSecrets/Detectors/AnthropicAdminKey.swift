import RampartCore

enum AnthropicAdminKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "anthropic-admin-key", title: "Anthropic Admin API key", severity: .critical,
        documentation: """
        An Anthropic Admin API key (`sk-ant-admin01-`, 93 characters and `AA`) manages the \
        organisation: members, invites, workspaces and API keys, and reads usage and cost reports.

        **Fix:** delete the admin key (Console → Settings → Admin keys), review what it changed, and \
        keep admin keys out of applications.
        """,
        examples: [
            .triggers("ANTHROPIC_ADMIN_KEY=sk-ant-admin01-KnLvxXMQu7nKEsukWA351k09qF5H1mP4B8wLc1LSImb0efgc-WA2hCKgb4FOpSSSbkX2WcagjgeAIgJqiRe7vFuMWJow-AA\n", fileName: ".env"),
            .triggers("curl https://api.anthropic.com/v1/organizations/users -H 'x-api-key: sk-ant-admin01-KnLvxXMQu7nKEsukWA351k09qF5H1mP4B8wLc1LSImb0efgc-WA2hCKgb4FOpSSSbkX2WcagjgeAIgJqiRe7vFuMWJow-AA'\n", fileName: "users.sh"),
            .passes("ANTHROPIC_ADMIN_KEY=sk-ant-admin01-KnLvxXMQu7nKEsukWA351k09qF5H1mP4B8wLc\n", fileName: ".env"),
            .passes("ANTHROPIC_ADMIN_KEY=sk-ant-admin01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk-ant-admin01-"], regex: #"\b(sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![\w-])"#,
        minEntropy: 4.0
    )
}
