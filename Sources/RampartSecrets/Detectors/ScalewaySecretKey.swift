import RampartCore

enum ScalewaySecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "scaleway-secret-key", title: "Scaleway secret key", severity: .critical, confidence: .medium,
        documentation: """
        The secret key of a Scaleway API key (a UUID) signs API calls with every IAM policy of the \
        user or application that owns it: instances, Kubernetes, object storage and billing.

        **Fix:** delete the API key (IAM → API keys), create a replacement for a dedicated IAM \
        application with least-privilege policies, and store it in Secret Manager or the CI.
        """,
        examples: [
            .triggers("SCW_SECRET_KEY=eb185c6d-9166-4958-8d7e-74de3f0b7bc4\n", fileName: ".env"),
            .triggers("cloud:\n  scaleway_secret_key: \"f757ce70-5f35-4095-a1c3-cfeac554eb8f\"\n", fileName: "config.yml"),
            .passes("SCW_DEFAULT_PROJECT_ID=eb185c6d-9166-4958-8d7e-74de3f0b7bc4\n", fileName: ".env"),
            .passes("SCW_SECRET_KEY=eb185c6d-9166-4958\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["scw_secret", "scw-secret", "scaleway"],
        regex: #"(?i:scw[_-]secret[_-]?key|scaleway[\w.-]{0,20}secret[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
