import RampartCore

enum ReadMeAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "readme-api-key", title: "ReadMe API key",
        documentation: """
        A ReadMe API key (`rdme_` and 70 characters) manages a ReadMe developer hub project: it can \
        rewrite the published documentation and API definitions and read API metrics.

        **Fix:** revoke the key (the project's dashboard → API keys) and keep its replacement as a \
        CI secret.
        """,
        examples: [
            .triggers("README_API_KEY=rdme_58t27al11439tsweuqdk90rfio5jkyci1cull1902mk2w05lcxo6tba1m0y8kjev5cqlzi\n", fileName: ".env"),
            .triggers("rdme openapi openapi.json --key=rdme_58t27al11439tsweuqdk90rfio5jkyci1cull1902mk2w05lcxo6tba1m0y8kjev5cqlzi\n", fileName: "docs.sh"),
            .passes("README_API_KEY=rdme_58t27al11439tsweuqdk90rfio5\n", fileName: ".env"),
            .passes("README_API_KEY=rdme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["rdme_"], regex: #"\b(rdme_[a-z0-9]{70})\b"#, minEntropy: 3.5
    )
}
