import RampartCore

enum MongoDBAtlasAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mongodb-atlas-api-key", title: "MongoDB Atlas Admin API private key", confidence: .medium,
        documentation: """
        A MongoDB Atlas programmatic API private key (a UUID, used with an 8-character public key) \
        calls the Atlas Admin API with the key's organisation or project roles: creating database \
        users, changing network access lists, downloading backups or deleting clusters.

        **Fix:** delete the API key (Organization or Project → Access manager → API keys), review \
        the activity feed, and keep its replacement in a secrets manager with an IP access list.
        """,
        examples: [
            .triggers("MONGODB_ATLAS_PRIVATE_KEY=267ffb06-de33-4e8a-86c4-184288773bfe\n", fileName: ".env"),
            .triggers("provider \"mongodbatlas\" {}\natlas_private_key = \"267ffb06-de33-4e8a-86c4-184288773bfe\"\n", fileName: "terraform.tfvars"),
            .passes("MONGODB_ATLAS_PROJECT_ID=267ffb06de334e8a86c41842\n", fileName: ".env"),
            .passes("MONGODB_ATLAS_PUBLIC_KEY=qwzkhtyv\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["atlas"],
        regex: #"(?i:atlas[\w.-]{0,10}private[_-]?(?:api[_-]?)?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
