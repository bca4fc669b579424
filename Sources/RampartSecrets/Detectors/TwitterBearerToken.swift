import RampartCore

enum TwitterBearerToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "twitter-bearer-token", title: "X (Twitter) API bearer token",
        documentation: """
        An X (Twitter) app bearer token (21 `A`s followed by URL-encoded characters) calls the X API \
        as the app: reading public and protected data within the app's access level, and using the \
        app's rate limits and paid quota.

        **Fix:** regenerate the bearer token (Developer Portal → the app → Keys and tokens) and keep \
        it in a secrets manager.
        """,
        examples: [
            .triggers("TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA70688515AAAAAAiZGFSbEEUQz1nWBgCs2oUf4yuDeqUzRi4v7zxyh8O32JVlHkeADxf5fi8rcemqkdUSsCmfgDQukGBRKv\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer AAAAAAAAAAAAAAAAAAAAA70688515AAAAAAiZGFSbEEUQz1nWBgCs2oUf4yuDeqUzRi4v7zxyh8O32JVlHkeADxf5fi8rcemqkdUSsCmfgDQukGBRKv'}\n", fileName: "tweets.py"),
            .passes("TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA70688515AAAAAAiZGFSbEE\n", fileName: ".env"),
            .passes("TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["aaaaaaaaaaaaaaaaaaaaa"],
        regex: #"\b(AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,140})(?![A-Za-z0-9%])"#, minEntropy: 4.0
    )
}
