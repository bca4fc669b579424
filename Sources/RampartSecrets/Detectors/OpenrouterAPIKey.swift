import RampartCore

enum OpenrouterAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "openrouter-api-key", title: "OpenRouter API key",
        documentation: """
        An OpenRouter API key (`sk-or-v1-` and 64 hex digits) calls any model routed by OpenRouter \
        on the account's credits, up to the key's limit.

        **Fix:** delete the key (Settings → Keys), create a new one with a credit limit, and keep it \
        in a secrets manager.
        """,
        examples: [
            .triggers("OPENROUTER_API_KEY=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\n", fileName: ".env"),
            .triggers("client = OpenAI(base_url=\"https://openrouter.ai/api/v1\", api_key=\"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\")\n", fileName: "router.py"),
            .passes("OPENROUTER_API_KEY=sk-or-v1-5bc95d580c8788f28dd6768\n", fileName: ".env"),
            .passes("OPENROUTER_API_KEY=sk-or-v1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk-or-v1-"], regex: #"\b(sk-or-v1-[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
