import RampartCore

enum GrafanaServiceAccountToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "grafana-service-account-token", title: "Grafana service account token",
        documentation: """
        A Grafana service account token (`glsa_`, 32 characters and an 8-digit hex CRC-32) calls the \
        Grafana HTTP API with the service account's role: reading dashboards and data sources or, as \
        Admin, managing users and data source credentials.

        The suffix is a CRC-32 of the rest, so Rampart checks it offline and reports a valid token \
        with high confidence; a string of this shape whose checksum fails is not reported.

        **Fix:** delete the token (Administration → Service accounts → the account → Tokens), create \
        a new one with an expiry, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("GRAFANA_TOKEN=glsa_lpaNIw5dALnSFlc03CZxkotlv1zwuM5C_df7521c6\n", fileName: ".env"),
            .triggers("provider \"grafana\" {\n  auth = \"glsa_lpaNIw5dALnSFlc03CZxkotlv1zwuM5C_df7521c6\"\n}\n", fileName: "main.tf"),
            .passes("GRAFANA_TOKEN=glsa_lpaNIw5dALnSFlc03CZxkotlv1zwuM5C_df7521c7\n", fileName: ".env"),
            .passes("GRAFANA_TOKEN=glsa_lpaNIw5dALnSFlc03CZxkotlv1z\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glsa_"], regex: #"\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b"#,
        validate: Checksums.grafanaServiceAccount
    )
}
