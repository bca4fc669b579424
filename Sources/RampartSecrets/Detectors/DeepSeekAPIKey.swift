import RampartCore

enum DeepSeekAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "deepseek-api-key", title: "DeepSeek API key", confidence: .medium,
        documentation: """
        A DeepSeek API key (`sk-` and 32 hex digits) calls the DeepSeek models on the account's \
        balance. The shape is generic, so Rampart reports it only next to a DeepSeek name.

        **Fix:** delete the key (platform.deepseek.com → API keys), create a new one, and keep it in \
        a secrets manager.
        """,
        examples: [
            .triggers("DEEPSEEK_API_KEY=sk-5e648efdd8e70899d294cde955f0e6d0\n", fileName: ".env"),
            .triggers("deepseek:\n  deepseek_api_key: \"sk-5e648efdd8e70899d294cde955f0e6d0\"\n", fileName: "config.yml"),
            .passes("OTHER_API_KEY=sk-5e648efdd8e70899d294cde955f0e6d0\n", fileName: ".env"),
            .passes("DEEPSEEK_API_KEY=sk-5e648efdd8e70899\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["deepseek"],
        regex: #"(?i:deepseek)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>sk-[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
