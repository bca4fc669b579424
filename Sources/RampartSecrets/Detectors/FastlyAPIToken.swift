import RampartCore

enum FastlyAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "fastly-api-token", title: "Fastly API token", confidence: .medium,
        documentation: """
        A Fastly API token (32 URL-safe characters) calls the Fastly API with its scope (global, \
        purge or read-only) on the services it covers: it can change VCL and backends, purge caches \
        and read logging endpoints with their credentials.

        **Fix:** delete the token (Account → Personal API tokens) and create a narrower one with an \
        expiry, kept in a CI secret or secrets manager.
        """,
        examples: [
            .triggers("FASTLY_API_TOKEN=XMaKO6Prsco1AFVU2VlCCrXHLpOKTY7k\n", fileName: ".env"),
            .triggers("fastly:\n  fastly_api_key: 'XMaKO6Prsco1AFVU2VlCCrXHLpOKTY7k'\n", fileName: "config.yml"),
            .passes("FASTLY_API_TOKEN=XMaKO6Prsco1AFVU2Vl\n", fileName: ".env"),
            .passes("FASTLY_SERVICE_ID=XMaKO6Prsco1AFVU2VlCCr\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["fastly"],
        regex: #"(?i:fastly)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9_-]{32})(?![\w-])"#,
        minEntropy: 3.5
    )
}
