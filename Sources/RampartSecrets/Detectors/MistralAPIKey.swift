import RampartCore

enum MistralAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mistral-api-key", title: "Mistral AI API key", confidence: .medium,
        documentation: """
        A Mistral AI API key (32 letters and digits) calls Mistral's models, fine-tuning jobs and \
        agents on the workspace's bill.

        **Fix:** delete the key (La Plateforme → API keys), create a new one, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("MISTRAL_API_KEY=mX6WvSopUgLgCmwqmI9YdNeZHiWNslzq\n", fileName: ".env"),
            .triggers("llm:\n  mistral_api_key: 'mX6WvSopUgLgCmwqmI9YdNeZHiWNslzq'\n", fileName: "config.yml"),
            .passes("MISTRAL_MODEL=mistral-large-latest\n", fileName: ".env"),
            .passes("MISTRAL_API_KEY=mX6WvSopUgLgCmwq\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mistral"],
        regex: #"(?i:mistral)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
