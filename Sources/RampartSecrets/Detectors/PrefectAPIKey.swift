import RampartCore

enum PrefectAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "prefect-api-key", title: "Prefect Cloud API key",
        documentation: """
        A Prefect Cloud API key (`pnu_` and 36 characters) authenticates as its user or service \
        account to Prefect Cloud workspaces: running and changing flows and deployments, and reading \
        blocks, which store other credentials.

        **Fix:** delete the key (Profile → API keys, or the service account), and keep its \
        replacement in the worker's secret store.
        """,
        examples: [
            .triggers("PREFECT_API_KEY=pnu_BnccpACBCgcK8fvriPBpR4Xl14u7jOqLTD1m\n", fileName: ".env"),
            .triggers("prefect cloud login --key pnu_BnccpACBCgcK8fvriPBpR4Xl14u7jOqLTD1m --workspace acme/prod\n", fileName: "login.sh"),
            .passes("PREFECT_API_KEY=pnu_BnccpACBCgcK8fvri\n", fileName: ".env"),
            .passes("PREFECT_API_KEY=pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pnu_"], regex: #"\b(pnu_[A-Za-z0-9]{36})\b"#, minEntropy: 3.5
    )
}
