import RampartCore

enum AdyenAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "adyen-api-key", title: "Adyen API key",
        documentation: """
        An Adyen API key (`AQE…`, base-64 parts separated by dashes) authenticates a web service \
        user to Adyen's APIs with its roles: making and refunding payments, reading transaction \
        details or managing the company's merchant accounts.

        **Fix:** generate a new key for the API credential and revoke the old one (Customer Area → \
        Developers → API credentials), and keep it in a secrets manager.
        """,
        examples: [
            .triggers("ADYEN_API_KEY=AQE8hmfxK8lqyIGwshJHk6vodV2+tfK2s4F7ecx/GxujwfnOZj8MF+HboH2ghf5Nc/8i3AgsC7HucmCNMDzoj1N8tTRVdHUYsceOaWRGxQAtD4hZm4gID9CE8oYKnNNHL-RXnOuWMUVVm+1cXiHWafDli81lFKFjEKf3Q44RUPqlc=\n", fileName: ".env"),
            .triggers("adyen:\n  api-key: AQE8hmfxK8lqyIGwshJHk6vodV2+tfK2s4F7ecx/GxujwfnOZj8MF+HboH2ghf5Nc/8i3AgsC7HucmCNMDzoj1N8tTRVdHUYsceOaWRGxQAtD4hZm4gID9CE8oYKnNNHL-RXnOuWMUVVm+1cXiHWafDli81lFKFjEKf3Q44RUPqlc=-VPVljsvQu5ZMB\n", fileName: "application.yml"),
            .passes("ADYEN_API_KEY=AQE8hmfxK8lqyIGwshJHk6vodV2+tfK2s4F7ecx\n", fileName: ".env"),
            .passes("ADYEN_API_KEY=AQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["aqe"], regex: #"\b(AQE[A-Za-z0-9+/]{60,220}={0,2}-[A-Za-z0-9+/]{40,50}={0,2})"#,
        minEntropy: 4.0
    )
}
