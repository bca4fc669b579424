import RampartCore

enum OpenAIServiceAccountKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "openai-service-account-key", title: "OpenAI service account key",
        documentation: """
        An OpenAI service account key (`sk-svcacct-…`) belongs to a bot identity of a project rather \
        than a person, so it survives staff changes; it calls the API with the project's permissions \
        and bill.

        **Fix:** delete the service account or its key (the project → Service accounts), and keep \
        its replacement in a secrets manager.
        """,
        examples: [
            .triggers("OPENAI_API_KEY=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\n", fileName: ".env"),
            .triggers("openai:\n  api_key: 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\n", fileName: "config.yml"),
            .passes("OPENAI_API_KEY=sk-svcacct-wCvTm8V_raVj-K6HAvdKfIysP6KVGL0fLEaCeu\n", fileName: ".env"),
            .passes("OPENAI_API_KEY=sk-svcacct-...T3BlbkFJ...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk-svcacct-"],
        regex: #"\b(sk-svcacct-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250})(?![\w-])"#,
        minEntropy: 4.0
    )
}
