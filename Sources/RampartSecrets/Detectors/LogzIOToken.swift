import RampartCore

enum LogzIOToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "logzio-token", title: "Logz.io API or shipping token", confidence: .medium,
        documentation: """
        A Logz.io token (a UUID, or 32 letters for shipping tokens) either calls the Logz.io API for \
        an account, including searching all logs, or ships data into it.

        **Fix:** delete the token (Settings → Manage tokens), issue a new one, and keep it in the \
        shipper's secret store.
        """,
        examples: [
            .triggers("LOGZIO_API_TOKEN=c5708259-48bb-4dd7-9591-4928d1afe169\n", fileName: ".env"),
            .triggers("output:\n  logzio:\n    logzio_token: wEXqApdVdxzctDhtlBRJyvTtqZyjbkFY\n", fileName: "filebeat.yml"),
            .passes("LOGZIO_ACCOUNT_ID=c5708259-48bb-4dd7-9591-4928d1afe169\n", fileName: ".env"),
            .passes("LOGZIO_API_TOKEN=c5708259-48bb-4dd7\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["logzio", "logz.io", "logz_io", "logz-io"],
        regex: #"(?i:logz[\w.-]{0,4}io[\w.-]{0,15}(?:token|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z]{32})(?![\w-])"#,
        minEntropy: 3.0
    )
}
