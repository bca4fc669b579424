import RampartCore

enum SupabaseAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "supabase-access-token", title: "Supabase personal access token",
        documentation: """
        A Supabase personal access token (`sbp_` and 40 hex digits) calls the Supabase Management \
        API as its owner: it can read every project's API keys and database settings and change or \
        delete projects in the owner's organisations.

        **Fix:** revoke it (Account → Access tokens), and keep CI tokens in the CI's secret store.
        """,
        examples: [
            .triggers("SUPABASE_ACCESS_TOKEN=sbp_9eac996c9e9d945d2a88e0591cb7c0081ea2d4f1\n", fileName: ".env"),
            .triggers("env:\n  SUPABASE_ACCESS_TOKEN: sbp_9eac996c9e9d945d2a88e0591cb7c0081ea2d4f1\n", fileName: "migrate.yml"),
            .passes("SUPABASE_ACCESS_TOKEN=sbp_9eac996c9e9d945d2a88e0591cb7c\n", fileName: ".env"),
            .passes("SUPABASE_ACCESS_TOKEN=sbp_0000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sbp_"], regex: #"\b(sbp_(?:oauth_)?[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
