import RampartCore

enum NewRelicUserAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "newrelic-user-api-key", title: "New Relic user API key",
        documentation: """
        A New Relic user key (`NRAK-` and 27 characters) calls NerdGraph as the user who created it, \
        on every account the user can access: querying all telemetry, changing alerts and managing \
        other keys.

        **Fix:** delete the key (API keys in the New Relic UI), and use a key of a dedicated user \
        with limited roles, kept in a secrets manager.
        """,
        examples: [
            .triggers("NEW_RELIC_API_KEY=NRAK-00S6VI8UHAT83WY8PEP8RB0Q7I7\n", fileName: ".env"),
            .triggers("provider \"newrelic\" {\n  api_key = \"NRAK-00S6VI8UHAT83WY8PEP8RB0Q7I7\"\n}\n", fileName: "main.tf"),
            .passes("NEW_RELIC_API_KEY=NRAK-00S6VI8UHAT83WY8\n", fileName: ".env"),
            .passes("NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["nrak-"], regex: #"\b(NRAK-[A-Z0-9]{27})\b"#, minEntropy: 3.0
    )
}
