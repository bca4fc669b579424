import RampartCore

enum BuildkiteAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "buildkite-api-token", title: "Buildkite API access token",
        documentation: """
        A Buildkite user API access token (`bkua_` and 40 hex digits) calls the REST and GraphQL \
        APIs as its user, within the token's scopes and organisations: reading build logs and \
        artifacts, creating builds and managing pipelines.

        **Fix:** revoke it (Personal settings → API access tokens), and keep its replacement in a \
        secrets manager.
        """,
        examples: [
            .triggers("BUILDKITE_API_TOKEN=bkua_52003613ac64808e588a1d2f8bd00ea167fdf627\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer bkua_52003613ac64808e588a1d2f8bd00ea167fdf627'}\n", fileName: "bk.py"),
            .passes("BUILDKITE_API_TOKEN=bkua_52003613ac64808e588a1d2f\n", fileName: ".env"),
            .passes("BUILDKITE_API_TOKEN=bkua_0000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["bkua_"], regex: #"\b(bkua_[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
