import RampartCore

enum RailwayAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "railway-api-token", title: "Railway API token", confidence: .medium,
        documentation: """
        A Railway account, team or project token (a UUID) calls Railway's API or CLI: an account \
        token reaches every project of the user, a project token deploys and reads the variables of \
        one environment.

        **Fix:** delete the token (Account settings → Tokens, or the project's settings → Tokens) \
        and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("RAILWAY_TOKEN=583b1a46-9d23-402a-9f17-9382473d8565\n", fileName: ".env"),
            .triggers("env:\n  RAILWAY_API_TOKEN: 53ee0452-ed70-49f8-a69e-338509730fa7\n", fileName: "deploy.yml"),
            .passes("RAILWAY_PROJECT_ID=583b1a46-9d23-402a-9f17-9382473d8565\n", fileName: ".env"),
            .passes("RAILWAY_TOKEN=583b1a46-9d23\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["railway"],
        regex: #"(?i:railway[\w.-]{0,10}token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
