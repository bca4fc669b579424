import RampartCore

enum DatabricksToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "databricks-token", title: "Databricks personal access token",
        documentation: """
        A Databricks personal access token (`dapi` and 32 hex digits) calls a workspace's REST API \
        as its user: running jobs and notebooks on clusters, reading tables the user can query and \
        reading secret scopes.

        **Fix:** revoke the token (User settings → Developer → Access tokens, or the token \
        management API), and prefer OAuth machine-to-machine credentials for automation.
        """,
        examples: [
            .triggers("DATABRICKS_TOKEN=dapica64285d7f4e9c7d5dd9b30986d8e647\n", fileName: ".env"),
            .triggers("[DEFAULT]\nhost = https://adb-4821.7.azuredatabricks.net\ntoken = dapica64285d7f4e9c7d5dd9b30986d8e647\n", fileName: ".databrickscfg"),
            .passes("DATABRICKS_TOKEN=dapica64285d7f4e9c7d5dd9\n", fileName: ".env"),
            .passes("DATABRICKS_TOKEN=dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dapi"], regex: #"\b(dapi[a-f0-9]{32}(?:-[0-9])?)\b"#, minEntropy: 3.0
    )
}
