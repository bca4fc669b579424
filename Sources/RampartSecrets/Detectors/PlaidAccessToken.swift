import RampartCore

enum PlaidAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "plaid-access-token", title: "Plaid access token",
        documentation: """
        A Plaid production access token (`access-production-` and a UUID) gives ongoing access to \
        one user's linked financial institution through the app: accounts, balances, transactions \
        and identity data.

        **Fix:** call `/item/remove` to invalidate the access token, or rotate it with \
        `/item/access_token/invalidate`, and keep access tokens encrypted in the application's \
        database, never in code.
        """,
        examples: [
            .triggers("PLAID_ACCESS_TOKEN=access-production-8e3650db-91b3-4e0e-9615-c6a5a1c6df2c\n", fileName: ".env"),
            .triggers("response = client.accounts_get(AccountsGetRequest(access_token='access-production-8e3650db-91b3-4e0e-9615-c6a5a1c6df2c'))\n", fileName: "bank.py"),
            .passes("PLAID_ACCESS_TOKEN=access-production-8e3650db-91b3\n", fileName: ".env"),
            .passes("PLAID_ACCESS_TOKEN=access-sandbox-8e3650db-91b3-4e0e-9615-c6a5a1c6df2c\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["access-production-"],
        regex: #"\b(access-(?:production|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#,
        minEntropy: 3.0
    )
}
