import RampartCore

enum PostmanAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "postman-api-key", title: "Postman API key",
        documentation: """
        A Postman API key (`PMAK-`, 24 and 34 hex digits) calls the Postman API as its user: it \
        reads every collection and environment of the user's workspaces, where teams often keep \
        other API credentials.

        **Fix:** revoke the key (Settings → API keys), check the workspaces' environments for \
        secrets, and keep the replacement in a secrets manager.
        """,
        examples: [
            .triggers("POSTMAN_API_KEY=PMAK-8da1314dac1a5ccf017b9577-d6aae0f5d99bf9bb9cffa3429ab15f64dd\n", fileName: ".env"),
            .triggers("newman run https://api.getpostman.com/collections/42?apikey=PMAK-8da1314dac1a5ccf017b9577-d6aae0f5d99bf9bb9cffa3429ab15f64dd\n", fileName: "smoke.sh"),
            .passes("POSTMAN_API_KEY=PMAK-8da1314dac1a5ccf017b9577-d6aae0f5\n", fileName: ".env"),
            .passes("POSTMAN_API_KEY=PMAK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pmak-"], regex: #"\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b"#, minEntropy: 3.0
    )
}
