import RampartCore

enum NewRelicLicenseKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "newrelic-license-key", title: "New Relic license (ingest) key",
        documentation: """
        A New Relic license key (40 characters ending in `NRAL`) lets agents report data to an \
        account; whoever holds it can send arbitrary telemetry, forge events and run up ingest \
        costs, and it identifies the account.

        **Fix:** create a new ingest license key (API keys → Ingest - License), roll the agents over \
        to it, delete the old key, and provide the key through the environment.
        """,
        examples: [
            .triggers("NEW_RELIC_LICENSE_KEY=d472c555ad85a2712730e2addf9ba1e3e165NRAL\n", fileName: ".env"),
            .triggers("common: &default_settings\n  license_key: 'd472c555ad85a2712730e2addf9ba1e3e165NRAL'\n", fileName: "newrelic.yml"),
            .passes("NEW_RELIC_LICENSE_KEY=d472c555ad85a2712730NRAL\n", fileName: ".env"),
            .passes("NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["nral"], regex: #"\b((?:eu01xx[a-f0-9]{30}|[a-f0-9]{36})NRAL)\b"#, minEntropy: 3.0
    )
}
