import RampartCore

enum GroqAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "groq-api-key", title: "Groq API key",
        documentation: """
        A Groq API key (`gsk_` and 52 letters and digits) calls GroqCloud models on the \
        organisation's account and quota.

        **Fix:** delete the key (Console → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("GROQ_API_KEY=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\n", fileName: ".env"),
            .triggers("client = Groq(api_key=\"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\")\n", fileName: "llm.py"),
            .passes("GROQ_API_KEY=gsk_PBa5XpdReBgY7Zx3Iuj6kws\n", fileName: ".env"),
            .passes("GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gsk_"], regex: #"\b(gsk_[A-Za-z0-9]{52})\b"#, minEntropy: 3.5
    )
}
