import RampartCore

enum PlanetScaleOAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "planetscale-oauth-token", title: "PlanetScale OAuth token",
        documentation: """
        A PlanetScale OAuth access token (`pscale_oauth_` and 43 characters) acts for the user who \
        authorised an OAuth application, with the scopes granted, on their organisations' databases.

        **Fix:** revoke the application's access (User settings → OAuth applications) and keep \
        tokens encrypted in the application's store.
        """,
        examples: [
            .triggers("PLANETSCALE_TOKEN=pscale_oauth_Pnc8acPM2ae9tqwFGlzjZCAN8wlCC4yxBSUcsESzhMI\n", fileName: ".env"),
            .triggers("{\"access_token\": \"pscale_oauth_Pnc8acPM2ae9tqwFGlzjZCAN8wlCC4yxBSUcsESzhMI\"}\n", fileName: "token.json"),
            .passes("PLANETSCALE_TOKEN=pscale_oauth_Pnc8acPM2ae9tq\n", fileName: ".env"),
            .passes("PLANETSCALE_TOKEN=pscale_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pscale_oauth_"], regex: #"\b(pscale_oauth_[A-Za-z0-9_.-]{43})(?![\w.-])"#,
        minEntropy: 3.5
    )
}
