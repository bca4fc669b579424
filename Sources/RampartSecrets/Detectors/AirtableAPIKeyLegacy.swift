import RampartCore

enum AirtableAPIKeyLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "airtable-api-key-legacy", title: "Airtable API key (legacy)", confidence: .medium,
        documentation: """
        Airtable's deprecated user API keys (`key` and 14 characters) had the full access of their \
        user to every base; Rampart reports one assigned to an Airtable name. They no longer work \
        against the API, but a committed one shows where credentials are kept.

        **Fix:** make sure the account has no legacy key left, use personal access tokens with \
        narrow scopes instead, and keep them in a secrets manager.
        """,
        examples: [
            .triggers("AIRTABLE_API_KEY=keyvsYK6wKQF0K5BN\n", fileName: ".env"),
            .triggers("airtable:\n  airtable_api_key: 'keyvsYK6wKQF0K5BN'\n", fileName: "config.yml"),
            .passes("AIRTABLE_BASE=appvsYK6wKQF0K5BN\n", fileName: ".env"),
            .passes("AIRTABLE_API_KEY=keyvsYK6\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["airtable"],
        regex: #"(?i:airtable[\w.-]{0,10}(?:api[_-]?key|key|token))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>key[A-Za-z0-9]{14})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
