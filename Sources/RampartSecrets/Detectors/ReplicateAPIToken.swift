import RampartCore

enum ReplicateAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "replicate-api-token", title: "Replicate API token",
        documentation: """
        A Replicate API token (`r8_` and 37 characters) runs models and trainings on the account's \
        bill and reads its private models, predictions and their outputs.

        **Fix:** revoke the token (Account → API tokens), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("REPLICATE_API_TOKEN=r8_LfR3VF5d3Z89IbdxD96LTMxfSrliZBzixQLAO\n", fileName: ".env"),
            .triggers("const replicate = new Replicate({ auth: \"r8_LfR3VF5d3Z89IbdxD96LTMxfSrliZBzixQLAO\" });\n", fileName: "generate.js"),
            .passes("REPLICATE_API_TOKEN=r8_LfR3VF5d3Z89IbdxD96\n", fileName: ".env"),
            .passes("REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["r8_"], regex: #"\b(r8_[A-Za-z0-9]{37})\b"#, minEntropy: 3.5
    )
}
