import RampartCore

enum TravisCIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "travis-ci-token", title: "Travis CI API token", confidence: .medium,
        documentation: """
        A Travis CI API token (22 URL-safe characters) calls the Travis API as its user: it can read \
        and set repository environment variables, including secret ones, and trigger builds.

        **Fix:** regenerate the token (Account → Settings → API authentication) and keep it in a \
        secrets manager rather than in scripts.
        """,
        examples: [
            .triggers("TRAVIS_API_TOKEN=ADDtt0MWV_whgYr-LX445A\n", fileName: ".env"),
            .triggers("curl -H 'Travis-API-Version: 3' -H 'Authorization: token ADDtt0MWV_whgYr-LX445A' https://api.travis-ci.com/repos\n", fileName: "travis.sh"),
            .passes("TRAVIS_BUILD_ID=ADDtt0MWV_whg\n", fileName: ".env"),
            .passes("TRAVIS_API_TOKEN=${TRAVIS_TOKEN}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["travis"],
        regex: #"(?:(?i:travis[\w.-]{0,15}token)["']?\s*(?:=>|:=|[:=])\s*["']?|(?i:travis)[^\n]{0,80}?Authorization:\s*token\s+)(?<secret>[A-Za-z0-9_-]{22})(?![\w-])"#,
        minEntropy: 3.5
    )
}
