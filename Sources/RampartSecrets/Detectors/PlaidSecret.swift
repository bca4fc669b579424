import RampartCore

enum PlaidSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "plaid-secret", title: "Plaid API secret", confidence: .medium,
        documentation: """
        A Plaid secret (30 hex digits), with the client ID, calls the Plaid API for an environment: \
        in production it reads the bank accounts, balances, transactions and identity data of every \
        user who linked an account.

        **Fix:** rotate the secret (Dashboard → Developers → Keys), and keep it in a secrets \
        manager.
        """,
        examples: [
            .triggers("PLAID_SECRET=37b4b7295c6d991c70043d7c7cef35\n", fileName: ".env"),
            .triggers("plaid:\n  plaid_production_secret: '37b4b7295c6d991c70043d7c7cef35'\n", fileName: "config.yml"),
            .passes("PLAID_CLIENT_ID=5f3c1a2b9d8e7f6a5b4c3d2e\n", fileName: ".env"),
            .passes("PLAID_SECRET=37b4b7295c6d991c\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["plaid"],
        regex: #"(?i:plaid[\w.-]{0,20}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{30})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
