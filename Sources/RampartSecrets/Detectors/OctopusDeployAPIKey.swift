import RampartCore

enum OctopusDeployAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "octopus-deploy-api-key", title: "Octopus Deploy API key",
        documentation: """
        An Octopus Deploy API key (`API-` and 26 or more upper-case letters and digits) acts as its \
        user or service account on the Octopus server: it can create releases and deploy them to \
        production, and read sensitive variables' scopes.

        **Fix:** revoke the key (the user's profile → API keys), review the audit log, and keep its \
        replacement in the CI's secret store or use OIDC.
        """,
        examples: [
            .triggers("OCTOPUS_API_KEY=API-9OOR9SQFWZN6WN5KYX60G3PG0K\n", fileName: ".env"),
            .triggers("octo create-release --project Web --server https://deploy.acme.test --apiKey API-9OOR9SQFWZN6WN5KYX60G3PG0K\n", fileName: "release.sh"),
            .passes("OCTOPUS_API_KEY=API-9OOR9SQFWZN6WN5\n", fileName: ".env"),
            .passes("OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["api-"], regex: #"\b(API-[A-Z0-9]{26,32})\b"#, minEntropy: 3.5
    )
}
