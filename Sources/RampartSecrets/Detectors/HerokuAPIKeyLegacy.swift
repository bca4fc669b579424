import RampartCore

enum HerokuAPIKeyLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "heroku-api-key-legacy", title: "Heroku legacy API key", severity: .critical, confidence: .medium,
        documentation: """
        Before the `HRKU-` format, Heroku API keys were UUIDs. Rampart reports a UUID assigned to a \
        Heroku name such as `HEROKU_API_KEY`; it acts as the Heroku user: config vars, deploys and \
        app management.

        **Fix:** regenerate the API key (Account settings → API Key → Regenerate) or revoke the \
        authorization, and keep the replacement in the CI's secret store.
        """,
        examples: [
            .triggers("HEROKU_API_KEY=53ee0452-ed70-49f8-a69e-338509730fa7\n", fileName: ".env"),
            .triggers("heroku:\n  heroku_api_key: 607de624-dcfe-4e8f-b6af-0d56e762f8d5\n", fileName: ".travis.yml"),
            .passes("HEROKU_APP_ID=53ee0452-ed70-49f8-a69e-338509730fa7\n", fileName: ".env"),
            .passes("build_id = 53ee0452-ed70-49f8-a69e-338509730fa7\n", fileName: "heroku.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["heroku"],
        regex: #"(?i:heroku[\w.-]{0,15}(?:api[_-]?key|token|auth|password|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
