import RampartCore

enum PerplexityAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "perplexity-api-key", title: "Perplexity API key",
        documentation: """
        A Perplexity API key (`pplx-` and 48 letters and digits) calls the Sonar API on the \
        account's credits.

        **Fix:** revoke the key (Settings → API → API keys), create a new one, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("PERPLEXITY_API_KEY=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\n", fileName: ".env"),
            .triggers("client = OpenAI(api_key=\"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\", base_url=\"https://api.perplexity.ai\")\n", fileName: "search.py"),
            .passes("PERPLEXITY_API_KEY=pplx-B9HZJx0ffRPaykZqkOG\n", fileName: ".env"),
            .passes("PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pplx-"], regex: #"\b(pplx-[A-Za-z0-9]{48})\b"#, minEntropy: 3.5
    )
}
