import RampartCore

enum SnykAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "snyk-api-token", title: "Snyk API token", confidence: .medium,
        documentation: """
        A Snyk API token (a UUID) calls the Snyk API and CLI as its user or service account: it \
        reads the vulnerability reports of every project in the user's organisations, which map out \
        exploitable weaknesses, and changes their settings.

        **Fix:** revoke the token (Account settings → Auth token, or the service account's page), \
        and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("SNYK_TOKEN=e7ecea54-c83b-446d-bf82-5a136f25085f\n", fileName: ".env"),
            .triggers("snyk:\n  snyk_api_token: 'e7ecea54-c83b-446d-bf82-5a136f25085f'\n", fileName: "config.yml"),
            .passes("SNYK_ORG_ID=e7ecea54-c83b-446d-bf82-5a136f25085f\n", fileName: ".env"),
            .passes("SNYK_TOKEN=e7ecea54-c83b-446d\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["snyk"],
        regex: #"(?i:snyk[\w.-]{0,10}(?:token|api[_-]?key|auth))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
