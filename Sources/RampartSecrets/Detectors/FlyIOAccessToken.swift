import RampartCore

enum FlyIOAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "flyio-access-token", title: "Fly.io access token",
        documentation: """
        A Fly.io user access token (`fo1_` and 43 URL-safe characters) calls the Fly.io API as the \
        user: every app and organisation the user belongs to, including their secrets and machines.

        **Fix:** log out the session or revoke the token (`fly auth logout`, Account → Access \
        tokens), and use app-scoped deploy tokens stored as CI secrets instead.
        """,
        examples: [
            .triggers("FLY_ACCESS_TOKEN=fo1_igIx46Wdteq8r4jguu-VrPQ5p-ykf5ODgW9X7AF__fD\n", fileName: ".env"),
            .triggers("access_token: fo1_igIx46Wdteq8r4jguu-VrPQ5p-ykf5ODgW9X7AF__fD\n", fileName: "config.yml"),
            .passes("FLY_ACCESS_TOKEN=fo1_igIx46Wdteq8r4jguu-VrPQ5p\n", fileName: ".env"),
            .passes("FLY_ACCESS_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["fo1_"], regex: #"\b(fo1_[A-Za-z0-9_-]{43})(?![\w-])"#, minEntropy: 3.5
    )
}
