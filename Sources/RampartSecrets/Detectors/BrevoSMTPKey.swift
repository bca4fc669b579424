import RampartCore

enum BrevoSMTPKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "brevo-smtp-key", title: "Brevo (Sendinblue) SMTP key",
        documentation: """
        A Brevo SMTP key (`xsmtpsib-`, 64 hex digits and 16 characters) is the password for Brevo's \
        SMTP relay: a holder can send e-mail from the account's verified senders.

        **Fix:** delete the SMTP key (SMTP & API → SMTP), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("BREVO_SMTP_KEY=xsmtpsib-a2096462f01111546debebbc2156d2e8fd663065af674d0f54fec11f95cff49d-Owt912ClJNQVDY2K\n", fileName: ".env"),
            .triggers("spring.mail.password=xsmtpsib-a2096462f01111546debebbc2156d2e8fd663065af674d0f54fec11f95cff49d-Owt912ClJNQVDY2K\n", fileName: "application.properties"),
            .passes("BREVO_SMTP_KEY=xsmtpsib-a2096462f01111546debebbc2156d\n", fileName: ".env"),
            .passes("BREVO_SMTP_KEY=xsmtpsib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xsmtpsib-"], regex: #"\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b"#, minEntropy: 3.5
    )
}
