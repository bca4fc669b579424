import RampartCore

enum DatadogApplicationKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "datadog-application-key", title: "Datadog application key", confidence: .medium,
        documentation: """
        A Datadog application key (40 hex digits) combined with an API key reads everything the \
        creating user can see (logs, traces, metrics) and changes monitors, dashboards and \
        integrations with that user's permissions.

        **Fix:** revoke the key (Personal or Organization settings → Application keys), create a \
        scoped one for a service account, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("DD_APP_KEY=a71729b5c69ae388685eaa307078c52accbc25d4\n", fileName: ".env"),
            .triggers("locals {\n  datadog_app_key = \"a71729b5c69ae388685eaa307078c52accbc25d4\"\n}\n", fileName: "main.tf"),
            .passes("DD_APP_KEY=a71729b5c69ae388685eaa307078c52acc\n", fileName: ".env"),
            .passes("DD_APP_KEY=${DATADOG_APP_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["datadog", "dd_app", "dd-app", "ddapp"],
        regex: #"(?i:datadog[\w.-]{0,20}app(?:lication)?[_-]?key|dd[_-]?app(?:lication)?[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
