import RampartCore

enum NewRelicInsightsInsertKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "newrelic-insights-insert-key", title: "New Relic Insights insert key", severity: .medium,
        documentation: """
        A New Relic Insights insert key (`NRII-` and 32 characters) writes custom events into an \
        account: a holder can flood it with data, distort dashboards and alerts, and run up ingest \
        costs.

        **Fix:** delete the key (API keys → Insights insert keys) and use a license key or an ingest \
        key kept in a secrets manager.
        """,
        examples: [
            .triggers("NEW_RELIC_INSERT_KEY=NRII-cMp9KLscg6bPB8DwoSkD-secAJSPn0fa\n", fileName: ".env"),
            .triggers("newrelic:\n  insert_key: 'NRII-cMp9KLscg6bPB8DwoSkD-secAJSPn0fa'\n", fileName: "config.yml"),
            .passes("NEW_RELIC_INSERT_KEY=NRII-cMp9KLscg6bPB8Dwo\n", fileName: ".env"),
            .passes("NEW_RELIC_INSERT_KEY=NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["nrii-"], regex: #"\b(NRII-[A-Za-z0-9_-]{32})(?![\w-])"#, minEntropy: 3.5
    )
}
