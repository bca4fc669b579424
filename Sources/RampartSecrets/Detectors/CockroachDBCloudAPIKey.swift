import RampartCore

enum CockroachDBCloudAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "cockroachdb-cloud-api-key", title: "CockroachDB Cloud API key",
        documentation: """
        A CockroachDB Cloud service account API key (`CCDB1_`, an ID and a secret) calls the Cloud \
        API with the service account's roles: creating clusters and SQL users, changing network \
        authorisations or deleting clusters.

        **Fix:** delete the key (Organization → Access management → Service accounts → API keys) and \
        keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("COCKROACH_API_KEY=CCDB1_ryj1cLB5AKElLyQBokrfAq_DjS5T2QYw1AQ6HuauYiSRrWiM32Y3Uj21SfqwPG0\n", fileName: ".env"),
            .triggers("provider \"cockroach\" {\n  apikey = \"CCDB1_ryj1cLB5AKElLyQBokrfAq_DjS5T2QYw1AQ6HuauYiSRrWiM32Y3Uj21SfqwPG0\"\n}\n", fileName: "main.tf"),
            .passes("COCKROACH_API_KEY=CCDB1_ryj1cLB5AKElLyQBokrfAq_DjS5T2QYw1\n", fileName: ".env"),
            .passes("COCKROACH_API_KEY=CCDB1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ccdb1_"], regex: #"\b(CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40})\b"#, minEntropy: 3.5
    )
}
