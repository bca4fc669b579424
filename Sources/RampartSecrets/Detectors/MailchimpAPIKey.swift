import RampartCore

enum MailchimpAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mailchimp-api-key", title: "Mailchimp API key",
        documentation: """
        A Mailchimp Marketing API key (32 hex digits and a data-centre suffix such as `-us14`) reads \
        and changes the account's audiences, which are personal data, and sends campaigns to them.

        **Fix:** disable the key (Profile → Extras → API keys), create a new one, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("MAILCHIMP_API_KEY=0a0a33ff7a2e8be86aa344bb8fd436f9-us14\n", fileName: ".env"),
            .triggers("client.set_config({'api_key': '0a0a33ff7a2e8be86aa344bb8fd436f9-us14', 'server': 'us14'})\n", fileName: "newsletter.py"),
            .passes("MAILCHIMP_API_KEY=0a0a33ff7a2e8be86aa344bb-us14\n", fileName: ".env"),
            .passes("MAILCHIMP_API_KEY=00000000000000000000000000000000-us14\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-us"], regex: #"\b([a-f0-9]{32}-us[0-9]{1,2})\b"#, minEntropy: 3.0
    )
}
