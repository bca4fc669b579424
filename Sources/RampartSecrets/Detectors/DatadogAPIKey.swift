import RampartCore

enum DatadogAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "datadog-api-key", title: "Datadog API key", confidence: .medium,
        documentation: """
        A Datadog API key (32 hex digits) submits metrics, logs, traces and events to an \
        organisation; together with an application key it also reads data and changes monitors and \
        dashboards.

        **Fix:** revoke the key (Organization settings → API keys), roll agents to a new key, and \
        deliver it through the agent's secret backend or the platform's secret store.
        """,
        examples: [
            .triggers("DD_API_KEY=37b2faf84a93ab724e65531b66f0912c\n", fileName: ".env"),
            .triggers("datadog:\n  datadog_api_key: '37b2faf84a93ab724e65531b66f0912c'\n", fileName: "values.yaml"),
            .triggers("dd_api_key: 37b2faf84a93ab724e65531b66f0912c\nsite: datadoghq.com\n", fileName: "datadog.yaml"),
            .passes("DD_API_KEY=37b2faf84a93ab724e65531b66f0\n", fileName: ".env"),
            .passes("DD_TRACE_ID=37b2faf84a93ab724e65531b66f0912c\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["datadog", "dd_api_key", "dd-api-key", "ddapikey"],
        regex: #"(?i:datadog[\w.-]{0,20}api[_-]?key|dd[_-]?api[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
