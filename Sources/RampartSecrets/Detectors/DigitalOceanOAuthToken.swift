import RampartCore

enum DigitalOceanOAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "digitalocean-oauth-token", title: "DigitalOcean OAuth access token",
        documentation: """
        A DigitalOcean OAuth access token (`doo_v1_` and 64 hex digits) is issued to an OAuth \
        application and calls the API for the user who authorised it, with the granted scopes.

        **Fix:** revoke the application's access (API → OAuth applications, or the user's authorised \
        applications) and keep tokens in the application's secret store, not in code.
        """,
        examples: [
            .triggers("DO_OAUTH_TOKEN=doo_v1_2a66b08ede8bdae09d42927feda73ff7d4a4f36bbb7165ae13d55072db6fc6ab\n", fileName: ".env"),
            .triggers("{\"access_token\": \"doo_v1_2a66b08ede8bdae09d42927feda73ff7d4a4f36bbb7165ae13d55072db6fc6ab\"}\n", fileName: "token.json"),
            .passes("DO_OAUTH_TOKEN=doo_v1_2a66b08ede8bdae09d42927feda73ff7d4a4f36bbb\n", fileName: ".env"),
            .passes("DO_OAUTH_TOKEN=doo_v1_0000000000000000000000000000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["doo_v1_"], regex: #"\b(doo_v1_[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
