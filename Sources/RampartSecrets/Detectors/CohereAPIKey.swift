import RampartCore

enum CohereAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "cohere-api-key", title: "Cohere API key", confidence: .medium,
        documentation: """
        A Cohere API key (40 letters and digits) calls Cohere's models on the owner's account: \
        production keys are billed, and the key also reaches fine-tuned models and datasets.

        **Fix:** delete the key (Dashboard → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("COHERE_API_KEY=5sFvoRtXVYfpw5MjmZoCAths92lOhPyNRs79W5Rp\n", fileName: ".env"),
            .triggers("co = cohere.ClientV2(api_key=\"5sFvoRtXVYfpw5MjmZoCAths92lOhPyNRs79W5Rp\")\n", fileName: "rerank.py"),
            .passes("COHERE_MODEL=command-r-plus-08-2024\n", fileName: ".env"),
            .passes("COHERE_API_KEY=5sFvoRtXVYfpw5MjmZoC\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cohere"],
        regex: #"(?i:cohere)(?:[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?|[\w.]{0,20}\(\s*api_key\s*=\s*["'])(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
