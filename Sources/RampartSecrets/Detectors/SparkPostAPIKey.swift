import RampartCore

enum SparkPostAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sparkpost-api-key", title: "SparkPost API key", confidence: .medium,
        documentation: """
        A SparkPost API key (40 hex digits) sends e-mail from the account's sending domains and, \
        depending on its permissions, reads recipient lists, templates and event data.

        **Fix:** delete the key (Configuration → API Keys), create one with minimal permissions, and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("SPARKPOST_API_KEY=7267aa8482a162c36cd3d07bb92a3bd9f07381b4\n", fileName: ".env"),
            .triggers("sparkpost:\n  sparkpost_api_key: '7267aa8482a162c36cd3d07bb92a3bd9f07381b4'\n", fileName: "config.yml"),
            .passes("SPARKPOST_API_KEY=7267aa8482a162c36cd3d07\n", fileName: ".env"),
            .passes("SPARKPOST_API_KEY=${SPARKPOST_API_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sparkpost"],
        regex: #"(?i:sparkpost[\w.-]{0,15}(?:api[_-]?key|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
