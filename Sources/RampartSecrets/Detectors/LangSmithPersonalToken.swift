import RampartCore

enum LangSmithPersonalToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "langsmith-personal-token", title: "LangSmith personal access token",
        documentation: """
        A LangSmith personal access token (`lsv2_pt_`, 32 hex digits, `_` and 10 more) acts as its \
        user in LangSmith: reading every trace of the user's workspaces (prompts and outputs, often \
        with customer data), datasets and prompts.

        **Fix:** delete the key (Settings → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("LANGSMITH_API_KEY=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\n", fileName: ".env"),
            .triggers("os.environ['LANGCHAIN_API_KEY'] = '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'\n", fileName: "tracing.py"),
            .passes("LANGSMITH_API_KEY=lsv2_pt_e3491cb5a986bdf1fe4d0f1bcc\n", fileName: ".env"),
            .passes("LANGSMITH_API_KEY=lsv2_pt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["lsv2_pt_"], regex: #"\b(lsv2_pt_[a-f0-9]{32}_[a-f0-9]{10})\b"#, minEntropy: 3.0
    )
}
