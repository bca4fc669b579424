import RampartCore

enum AnthropicAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "anthropic-api-key", title: "Anthropic API key",
        documentation: """
        An Anthropic API key (`sk-ant-api03-`, 93 characters and `AA`) calls the Claude API for the \
        workspace it belongs to, on the organisation's bill, including files and batches stored \
        there.

        **Fix:** disable or delete the key (Console → API keys), check usage, and keep its \
        replacement on servers only, in a secrets manager.
        """,
        examples: [
            .triggers("ANTHROPIC_API_KEY=sk-ant-api03-uFcKkrF51CUNLZn47PHhQndLTLpYXibiCWKqPJJ7J5K-GRKFYOR-f71ObHSoJdFOpNKlXBVwLTzSB0RZh4DgxfIHukD1IAA\n", fileName: ".env"),
            .triggers("client = anthropic.Anthropic(api_key=\"sk-ant-api03-uFcKkrF51CUNLZn47PHhQndLTLpYXibiCWKqPJJ7J5K-GRKFYOR-f71ObHSoJdFOpNKlXBVwLTzSB0RZh4DgxfIHukD1IAA\")\n", fileName: "assistant.py"),
            .passes("ANTHROPIC_API_KEY=sk-ant-api03-uFcKkrF51CUNLZn47PHhQndLTLpYXibiCWKqPJJ7J5K\n", fileName: ".env"),
            .passes("ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk-ant-api03-"], regex: #"\b(sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![\w-])"#,
        minEntropy: 4.0
    )
}
