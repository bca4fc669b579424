import RampartCore

enum PineconeAPIKeyLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pinecone-api-key-legacy", title: "Pinecone API key (legacy UUID)", confidence: .medium,
        documentation: """
        Older Pinecone API keys are UUIDs. Rampart reports one assigned to a Pinecone name; it \
        reads, writes and deletes the project's vectors and indexes.

        **Fix:** delete the key (the project → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("PINECONE_API_KEY=5874b181-efe2-44b1-b186-0209ace1a30b\n", fileName: ".env"),
            .triggers("pinecone_api_key = \"e7ecea54-c83b-446d-bf82-5a136f25085f\"\n", fileName: "index.py"),
            .passes("PINECONE_INDEX_ID=5874b181-efe2-44b1-b186-0209ace1a30b\n", fileName: ".env"),
            .passes("PINECONE_API_KEY=5874b181-efe2\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pinecone"],
        regex: #"(?i:pinecone[\w.-]{0,15}api[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
