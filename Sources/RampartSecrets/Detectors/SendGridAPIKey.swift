import RampartCore

enum SendGridAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sendgrid-api-key", title: "SendGrid API key",
        documentation: """
        A SendGrid API key (`SG.`, a 22-character ID and a 43-character secret) sends e-mail from \
        the account's verified domains, so a holder can send phishing that passes SPF and DKIM; with \
        broader scopes it also reads contacts and changes settings.

        **Fix:** delete the key (Settings → API Keys), review the activity feed for unexpected \
        sends, and keep its replacement, with only the Mail Send scope, in a secrets manager.
        """,
        examples: [
            .triggers("SENDGRID_API_KEY=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\n", fileName: ".env"),
            .triggers("sg = SendGridAPIClient('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')\n", fileName: "mailer.py"),
            .passes("SENDGRID_API_KEY=SG.zd027e2Ak5T8Jcgq0Fw_nk.-Y-qX5M7QR7Abcacz\n", fileName: ".env"),
            .passes("SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sg."], regex: #"\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![\w-])"#, minEntropy: 3.5
    )
}
