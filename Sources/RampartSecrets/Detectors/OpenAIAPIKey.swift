import RampartCore

enum OpenAIAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "openai-api-key", title: "OpenAI API key",
        documentation: """
        An OpenAI API key (`sk-proj-…`, or a legacy user key `sk-…`, with the `T3BlbkFJ` marker in \
        the middle) calls the OpenAI API on the project or organisation's bill: every model, file, \
        assistant, vector store and fine-tune the key's permissions reach.

        **Fix:** revoke the key (Platform → API keys, or the project's keys), check usage for abuse, \
        and keep its replacement on servers only, in a secrets manager.
        """,
        examples: [
            .triggers("OPENAI_API_KEY=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\n", fileName: ".env"),
            .triggers("client = OpenAI(api_key=\"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\")\n", fileName: "chat.py"),
            .passes("OPENAI_API_KEY=sk-proj-cTLwLOo9nVKvcq6fC-TS_-uAPxQvUml6w2XPTZiMvIFmt\n", fileName: ".env"),
            .passes("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["t3blbkfj"],
        regex: #"\b(sk-(?:proj|None)-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])"#,
        minEntropy: 4.0
    )
}
