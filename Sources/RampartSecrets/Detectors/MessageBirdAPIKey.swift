import RampartCore

enum MessageBirdAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "messagebird-api-key", title: "MessageBird (Bird) API key", confidence: .medium,
        documentation: """
        A MessageBird (now Bird) access key (25 letters and digits) calls the API for the workspace: \
        sending SMS, voice and WhatsApp messages billed to it and reading message history and \
        contacts.

        **Fix:** delete the access key (Developers → API access) and keep its replacement in a \
        secrets manager.
        """,
        examples: [
            .triggers("MESSAGEBIRD_API_KEY=eiNlDUQq9ABuDjnZd0VfoHY1e\n", fileName: ".env"),
            .triggers("messagebird:\n  messagebird_access_key: 'eiNlDUQq9ABuDjnZd0VfoHY1e'\n", fileName: "config.yml"),
            .passes("MESSAGEBIRD_API_KEY=eiNlDUQq9ABuDjnZ\n", fileName: ".env"),
            .passes("MESSAGEBIRD_API_KEY=${MESSAGEBIRD_API_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["messagebird", "message_bird", "message-bird"],
        regex: #"(?i:(?:message[_-]?bird|bird)[\w.-]{0,15}(?:access[_-]?key|api[_-]?key|key|token))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{25})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
