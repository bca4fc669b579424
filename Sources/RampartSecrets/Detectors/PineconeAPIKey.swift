import RampartCore

enum PineconeAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pinecone-api-key", title: "Pinecone API key",
        documentation: """
        A Pinecone API key (`pcsk_`, a key ID and a secret) reads, writes and deletes the vectors \
        and indexes of a Pinecone project; embeddings can be inverted to recover much of the source \
        text.

        **Fix:** delete the key (the project → API keys), create a new one, and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("PINECONE_API_KEY=pcsk_8ggoyO_GN4Gl8W2pN3Yg8basEKHJ6NFMlLf9cv2anC0ZbLmBev0np2DcmJcIOvtalFj64k\n", fileName: ".env"),
            .triggers("pc = Pinecone(api_key=\"pcsk_8ggoyO_GN4Gl8W2pN3Yg8basEKHJ6NFMlLf9cv2anC0ZbLmBev0np2DcmJcIOvtalFj64k\")\n", fileName: "index.py"),
            .passes("PINECONE_API_KEY=pcsk_8ggoyO_GN4Gl8W2pN3Yg8b\n", fileName: ".env"),
            .passes("PINECONE_API_KEY=pcsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pcsk_"], regex: #"\b(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80})\b"#, minEntropy: 3.5
    )
}
