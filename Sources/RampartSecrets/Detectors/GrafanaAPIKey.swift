import RampartCore

enum GrafanaAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "grafana-api-key", title: "Grafana API key (legacy)",
        documentation: """
        A legacy Grafana API key (base-64 JSON beginning `eyJrIjoi`, that is `{"k":"`) calls the \
        Grafana HTTP API with the key's organisation role (Viewer, Editor or Admin) until it \
        expires, which by default is never.

        **Fix:** delete the key (Administration → API keys), migrate to service account tokens with \
        an expiry, and keep them in a secrets manager.
        """,
        examples: [
            .triggers("GRAFANA_API_KEY=eyJrIjoiS0h3YWowc1B4STZjZ2FDTWJDT1JnbUpjZGtkNEdYQTQiLCJuIjoiY2kiLCJpZCI6MX0=\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer eyJrIjoiS0h3YWowc1B4STZjZ2FDTWJDT1JnbUpjZGtkNEdYQTQiLCJuIjoiY2kiLCJpZCI6MX0='}\n", fileName: "dashboards.py"),
            .passes("GRAFANA_API_KEY=eyJrIjoiS0h3YWowc1B4\n", fileName: ".env"),
            .passes("GRAFANA_API_KEY=eyJrIjoi...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["eyjrijoi"], regex: #"\b(eyJrIjoi[A-Za-z0-9+/]{50,400}={0,2})"#, minEntropy: 4.0
    )
}
