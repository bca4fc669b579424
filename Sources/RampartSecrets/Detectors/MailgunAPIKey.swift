import RampartCore

enum MailgunAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mailgun-api-key", title: "Mailgun API key", confidence: .medium,
        documentation: """
        A Mailgun API key (`key-` and 32 hex digits, or the newer `<32 hex>-<8 hex>-<8 hex>` private \
        key) sends e-mail from the account's domains, reads logs and stored messages, and manages \
        routes and suppression lists.

        **Fix:** delete the key and create a new one (Account → API security), review sending logs, \
        and prefer domain-scoped sending keys kept in a secrets manager.
        """,
        examples: [
            .triggers("MAILGUN_API_KEY=key-c4f137478144249408b84f1fe883d8ce\n", fileName: ".env"),
            .triggers("mailgun:\n  mailgun_private_key: '17ec9d0b66f917f001628becb6211fd1-5b46b76e-940ac014'\n", fileName: "config.yml"),
            .passes("MAILGUN_DOMAIN=mg.acme.test\n", fileName: ".env"),
            .passes("api_key = key-c4f137478144249408b84f1fe883d8ce\n", fileName: "other.ini"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mailgun"],
        regex: #"(?i:mailgun)[^\n]{0,40}?(?<![A-Za-z0-9-])(?<secret>key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9-])"#,
        minEntropy: 3.0
    )
}
