import RampartCore

enum TwilioAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "twilio-api-key", title: "Twilio API key SID", confidence: .medium,
        documentation: """
        A Twilio API key SID (`SK` and 32 hex digits) names an API key whose secret is almost always \
        stored beside it; together they call the Twilio API for the account: sending SMS and calls \
        billed to it and reading message logs.

        **Fix:** delete the API key (Console → Account → API keys & tokens), create a new one, and \
        keep the key and secret in a secrets manager.
        """,
        examples: [
            .triggers("TWILIO_API_KEY=SKa5ec2550676a79456fd1e18752e7a9f0\n", fileName: ".env"),
            .triggers("client = Client('SKa5ec2550676a79456fd1e18752e7a9f0', api_secret, account_sid)\n", fileName: "sms.py"),
            .passes("TWILIO_API_KEY=SKa5ec2550676a79456fd1e18752\n", fileName: ".env"),
            .passes("TWILIO_API_KEY=SK00000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk"], regex: #"\b(SK[0-9a-f]{32})\b"#, minEntropy: 3.0
    )
}
