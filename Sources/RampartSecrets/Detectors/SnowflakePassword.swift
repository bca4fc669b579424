import RampartCore

enum SnowflakePassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "snowflake-password", title: "Snowflake password", confidence: .medium,
        documentation: """
        A password assigned to a Snowflake setting (`SNOWFLAKE_PASSWORD`, `snowflake_password`) logs \
        in to the Snowflake account as that user, with every role granted to it: reading and \
        exporting the warehouse's data.

        **Fix:** change the user's password, move service users to key-pair or OAuth authentication, \
        and keep credentials in a secrets manager.
        """,
        examples: [
            .triggers("SNOWFLAKE_PASSWORD=wyWae0RGew7HG2lk\n", fileName: ".env"),
            .triggers("outputs:\n  prod:\n    snowflake_password: 'Kq8Wz3Lr7Tn2Vx5M'\n", fileName: "profiles.yml"),
            .passes("SNOWFLAKE_PASSWORD=${SNOWFLAKE_PASSWORD}\n", fileName: ".env"),
            .passes("SNOWFLAKE_ACCOUNT=xy12345.us-east-1\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["snowflake"],
        regex: #"(?i:snowflake[\w.-]{0,15}(?:password|passwd|pwd))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[^\s'"$]{8,128})"#,
        minEntropy: 3.0
    )
}
