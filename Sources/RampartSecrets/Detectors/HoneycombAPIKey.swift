import RampartCore

enum HoneycombAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "honeycomb-api-key", title: "Honeycomb API key", confidence: .medium,
        documentation: """
        A Honeycomb API key (a 22-character configuration key, a 32-hex classic key, or a newer \
        `hcaik_`/`hcxik_` ingest key) sends events to an environment and, for configuration keys, \
        manages datasets, markers, triggers and queries.

        **Fix:** delete the key (Environment settings → API keys), create one with only the \
        permissions it needs, and keep it in the collector's secret store.
        """,
        examples: [
            .triggers("HONEYCOMB_API_KEY=uZUCBIxJNfVw2ZQYqieOar\n", fileName: ".env"),
            .triggers("exporters:\n  otlp:\n    headers:\n      x-honeycomb-team: hcaik_010ws8xtpzn42u7y7gqkysmbddgm3cghflgjx05s9kwlyugpd3hpp38rhd\n", fileName: "otel-collector.yaml"),
            .passes("HONEYCOMB_DATASET=uZUCBIxJNfVw2ZQYqieOar\n", fileName: ".env"),
            .passes("HONEYCOMB_API_KEY=uZUCBIxJNf\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["honeycomb"],
        regex: #"(?i:honeycomb[\w.-]{0,15}(?:api[_-]?key|key|team|write[_-]?key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>hc[a-z]i[kc]_[0-9a-z]{20,80}|[a-f0-9]{32}|[A-Za-z0-9]{22})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
