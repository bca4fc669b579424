import RampartCore

enum HuggingFaceOrgAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "huggingface-org-api-token", title: "Hugging Face organization API token",
        documentation: """
        A legacy Hugging Face organization API token (`api_org_` and 34 letters) acts for an \
        organisation on the Hub: reading and writing its private models, datasets and Spaces.

        **Fix:** invalidate the token in the organisation's settings, move to fine-grained user or \
        organisation tokens, and keep them in a secrets manager.
        """,
        examples: [
            .triggers("HF_ORG_TOKEN=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\n", fileName: ".env"),
            .triggers("huggingface:\n  token: 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\n", fileName: "config.yml"),
            .passes("HF_ORG_TOKEN=api_org_nlpGtqeJrxPYTkZ\n", fileName: ".env"),
            .passes("HF_ORG_TOKEN=api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["api_org_"], regex: #"\b(api_org_[A-Za-z]{34})\b"#, minEntropy: 3.5
    )
}
