import RampartCore

enum BrevoAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "brevo-api-key", title: "Brevo (Sendinblue) API key",
        documentation: """
        A Brevo (formerly Sendinblue) API key (`xkeysib-`, 64 hex digits and 16 characters) calls \
        the Brevo API: sending e-mail and SMS from the account and reading and exporting its \
        contacts.

        **Fix:** delete the key (SMTP & API → API keys), create a new one with IP restrictions, and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("BREVO_API_KEY=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\n", fileName: ".env"),
            .triggers("configuration.api_key['api-key'] = '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'\n", fileName: "mailer.py"),
            .passes("BREVO_API_KEY=xkeysib-d4e81fb8863940c024441d15c3a04dbe\n", fileName: ".env"),
            .passes("BREVO_API_KEY=xkeysib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xkeysib-"], regex: #"\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b"#, minEntropy: 3.5
    )
}
