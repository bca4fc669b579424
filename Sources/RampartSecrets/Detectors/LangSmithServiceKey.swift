import RampartCore

enum LangSmithServiceKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "langsmith-service-key", title: "LangSmith service key",
        documentation: """
        A LangSmith service key (`lsv2_sk_`, 32 hex digits, `_` and 10 more) authenticates a service \
        to a LangSmith workspace: sending and reading traces, datasets and deployments.

        **Fix:** delete the key (Settings → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("LANGSMITH_API_KEY=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\n", fileName: ".env"),
            .triggers("env:\n  LANGSMITH_API_KEY: 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\n", fileName: "deploy.yml"),
            .passes("LANGSMITH_API_KEY=lsv2_sk_c76d55d2dea351ca40e4\n", fileName: ".env"),
            .passes("LANGSMITH_API_KEY=lsv2_sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["lsv2_sk_"], regex: #"\b(lsv2_sk_[a-f0-9]{32}_[a-f0-9]{10})\b"#, minEntropy: 3.0
    )
}
