import RampartCore

enum MandrillAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mandrill-api-key", title: "Mailchimp Transactional (Mandrill) API key", confidence: .medium,
        documentation: """
        A Mailchimp Transactional (Mandrill) API key (22 characters, newer ones beginning `md-`) \
        sends e-mail from the account's verified domains and reads message content and activity.

        **Fix:** delete the key (Settings → SMTP & API info), create a new one, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("MANDRILL_API_KEY=md-N1n-Gbe4FuTtXsD9PGlEsp\n", fileName: ".env"),
            .triggers("mandrill:\n  mandrill_api_key: 'md-N1n-Gbe4FuTtXsD9PGlEsp'\n", fileName: "config.yml"),
            .passes("MANDRILL_API_KEY=md-N1n-Gbe4FuT\n", fileName: ".env"),
            .passes("MANDRILL_API_KEY=${MANDRILL_API_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mandrill"],
        regex: #"(?i:mandrill[\w.-]{0,15}(?:api[_-]?key|key|password))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>(?:md-)?[A-Za-z0-9_-]{22})(?![\w-])"#,
        minEntropy: 3.5
    )
}
