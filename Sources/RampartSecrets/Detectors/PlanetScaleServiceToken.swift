import RampartCore

enum PlanetScaleServiceToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "planetscale-service-token", title: "PlanetScale service token",
        documentation: """
        A PlanetScale service token (`pscale_tkn_` and 43 characters) calls the PlanetScale API with \
        the token's organisation and database permissions: creating branches and passwords, \
        deploying schema changes or deleting databases.

        **Fix:** delete the service token (Organization settings → Service tokens) and keep its \
        replacement in the CI's secret store.
        """,
        examples: [
            .triggers("PLANETSCALE_SERVICE_TOKEN=pscale_tkn_a43PkzKo9kjhhYEyoXVuzt9rXH4YvpYPhoLq28kiyF3\n", fileName: ".env"),
            .triggers("pscale deploy-request create app main --service-token pscale_tkn_a43PkzKo9kjhhYEyoXVuzt9rXH4YvpYPhoLq28kiyF3\n", fileName: "deploy.sh"),
            .passes("PLANETSCALE_SERVICE_TOKEN=pscale_tkn_a43PkzKo9kjhhYEy\n", fileName: ".env"),
            .passes("PLANETSCALE_SERVICE_TOKEN=pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pscale_tkn_"], regex: #"\b(pscale_tkn_[A-Za-z0-9_.-]{43})(?![\w.-])"#, minEntropy: 3.5
    )
}
