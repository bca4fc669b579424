import RampartCore

enum HerokuAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "heroku-api-key", title: "Heroku API key", severity: .critical,
        documentation: """
        A Heroku platform API key (`HRKU-AA` and 58 characters) acts as the Heroku user who owns it: \
        it can read config vars (and with them every other secret of the apps), deploy code and \
        scale or delete apps the user can reach.

        **Fix:** revoke the authorization (`heroku authorizations:revoke`, or Account settings → \
        Applications), then use a scoped OAuth authorization kept in the CI's secret store.
        """,
        examples: [
            .triggers("HEROKU_API_KEY=HRKU-AAUwOgsEpgtzKWN5ByTur1nkQLoFhicqcenMueb1wiZa6vxP7inSKweRB-k_\n", fileName: ".env"),
            .triggers("env:\n  HEROKU_API_KEY: HRKU-AAUwOgsEpgtzKWN5ByTur1nkQLoFhicqcenMueb1wiZa6vxP7inSKweRB-k_\n", fileName: "deploy.yml"),
            .passes("HEROKU_API_KEY=HRKU-AAd5Kq8vLxN2pR7tW3yZ9bC4fG6hJ1mQ0sV5\n", fileName: ".env"),
            .passes("HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hrku-aa"], regex: #"\b(HRKU-AA[0-9A-Za-z_-]{58})(?![\w-])"#, minEntropy: 3.5
    )
}
