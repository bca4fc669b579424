import RampartCore

enum GrafanaCloudToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "grafana-cloud-token", title: "Grafana Cloud access policy token",
        documentation: """
        A Grafana Cloud token (`glc_` and base-64 JSON) authenticates to Grafana Cloud with its \
        access policy's scopes: writing or reading metrics, logs and traces of the stack, or \
        managing stacks through the Cloud API.

        **Fix:** delete the token (Administration → Cloud access policies → the policy → Tokens), \
        create a narrower one with an expiry, and keep it in the agent's secret store.
        """,
        examples: [
            .triggers("GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiMTY0NDIxIiwibiI6InN0YWNrLWVoZ3NhYy1kZXBsb3kiLCJrIjoiaWdNNnd3NTN6MWVMMDNya3ROU29LWVpxIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0=\n", fileName: ".env"),
            .triggers("prometheus.remote_write \"cloud\" {\n  endpoint {\n    basic_auth { password = \"glc_eyJvIjoiMTY0NDIxIiwibiI6InN0YWNrLWVoZ3NhYy1kZXBsb3kiLCJrIjoiaWdNNnd3NTN6MWVMMDNya3ROU29LWVpxIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0=\" }\n  }\n}\n", fileName: "config.alloy"),
            .passes("GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiMTY0NDIx\n", fileName: ".env"),
            .passes("GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glc_"], regex: #"\b(glc_eyJ[A-Za-z0-9+/]{60,400}={0,2})"#, minEntropy: 4.0
    )
}
