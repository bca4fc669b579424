import RampartCore

enum MongoDBConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mongodb-connection-string", title: "MongoDB connection string with password", tags: ["generic"],
        documentation: """
        A MongoDB URL with an embedded password (`mongodb://` or Atlas's `mongodb+srv://`) logs in \
        to the cluster as that user with its roles, often read and write on every database. URLs \
        whose password is a template, equals the user name or is a word such as `password` are not \
        reported.

        **Fix:** change the database user's password (Atlas → Database access, or \
        `db.changeUserPassword`), review the access logs, and read the URL from a secrets manager or \
        the environment.
        """,
        examples: [
            .triggers("MONGO_URL=mongodb+srv://api-svc:Kd8Wq3Lz7Rv2Tn5X@cluster0.x7kq2.mongodb.net/orders?retryWrites=true\n", fileName: ".env"),
            .triggers("client = MongoClient('mongodb://root:Pz4Nx9Lq2Wt7Kv3R@mongo-0.mongo:27017/admin')\n", fileName: "db.py"),
            .passes("MONGO_URL=mongodb+srv://cluster0.x7kq2.mongodb.net/orders\n", fileName: ".env"),
            .passes("DATABASE_URL=mongodb://app:${DB_PASSWORD}@db.internal:5432/app\n", fileName: ".env"),
            .passes("DATABASE_URL=mongodb://app:app@localhost/app\n", fileName: "docker-compose.yml"),
            .passes("url = 'mongodb://user:password@host/db'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mongodb://", "mongodb+srv://"],
        regex: #"\b(?:mongodb(?:\+srv)?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )
}
