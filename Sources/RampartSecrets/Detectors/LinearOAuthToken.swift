import RampartCore

enum LinearOAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "linear-oauth-token", title: "Linear OAuth access token",
        documentation: """
        A Linear OAuth access token (`lin_oauth_` and 64 hex digits) acts for the user who \
        authorised an OAuth application, with the scopes granted, in their workspace.

        **Fix:** revoke the application's access (Settings → Account → Security & access, or the \
        revoke endpoint) and keep tokens encrypted in the application's store.
        """,
        examples: [
            .triggers("LINEAR_TOKEN=lin_oauth_0738fd3827de0ca35584a6439bcce83a7a6e1b034baf9b5ef8e6a21ecaca970a\n", fileName: ".env"),
            .triggers("{\"access_token\": \"lin_oauth_0738fd3827de0ca35584a6439bcce83a7a6e1b034baf9b5ef8e6a21ecaca970a\", \"token_type\": \"Bearer\"}\n", fileName: "token.json"),
            .passes("LINEAR_TOKEN=lin_oauth_0738fd3827de0ca35584a6439bcce\n", fileName: ".env"),
            .passes("LINEAR_TOKEN=lin_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["lin_oauth_"], regex: #"\b(lin_oauth_[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
