import RampartCore

enum OpenAIAdminKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "openai-admin-key", title: "OpenAI admin key", severity: .critical,
        documentation: """
        An OpenAI admin key (`sk-admin-…`) calls the organisation administration APIs: it can invite \
        and remove members, create projects and service accounts, mint API keys and read audit logs \
        and usage for the whole organisation.

        **Fix:** delete the admin key (Organization settings → Admin keys), review the audit log for \
        changes it made, and keep admin keys out of applications entirely.
        """,
        examples: [
            .triggers("OPENAI_ADMIN_KEY=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\n", fileName: ".env"),
            .triggers("headers = {\"Authorization\": \"Bearer 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\"}\n", fileName: "audit.py"),
            .passes("OPENAI_ADMIN_KEY=sk-admin-B65KuL9FFl_IwY_liiZBfqshB2PsfZZkCw\n", fileName: ".env"),
            .passes("OPENAI_ADMIN_KEY=sk-admin-...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk-admin-"],
        regex: #"\b(sk-admin-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250})(?![\w-])"#, minEntropy: 4.0
    )
}
