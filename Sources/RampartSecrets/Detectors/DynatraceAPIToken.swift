import RampartCore

enum DynatraceAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "dynatrace-api-token", title: "Dynatrace API token",
        documentation: """
        A Dynatrace token (`dt0c01.` followed by a 24-character public part and a 64-character \
        secret) calls the environment's APIs with its scopes: reading monitoring data and logs, \
        ingesting metrics, changing configuration or installing OneAgents.

        **Fix:** revoke the token (Access tokens in the environment's settings), create a \
        replacement with only the scopes it needs, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("DT_API_TOKEN=dt0c01.MHAEBFXCY5XE1Z0WLEWCM5OL.SVXTTVNN146X5F6S56YCBBQA106YE33VKMMQ8648HL3FTAVTNWKANN1D9A20JI3K\n", fileName: ".env"),
            .triggers("headers:\n  Authorization: Api-Token dt0c01.MHAEBFXCY5XE1Z0WLEWCM5OL.SVXTTVNN146X5F6S56YCBBQA106YE33VKMMQ8648HL3FTAVTNWKANN1D9A20JI3K\n", fileName: "collector.yaml"),
            .passes("DT_API_TOKEN=dt0c01.MHAEBFXCY5XE1Z0WLEWCM5OL\n", fileName: ".env"),
            .passes("DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dt0c01.", "dt0s01.", "dt0s02.", "dt0s03."],
        regex: #"\b(dt0[cs]0\d\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b"#, minEntropy: 3.5
    )
}
