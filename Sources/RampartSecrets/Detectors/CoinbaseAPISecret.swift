import RampartCore

enum CoinbaseAPISecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "coinbase-api-secret", title: "Coinbase API secret", severity: .critical, confidence: .medium,
        documentation: """
        A Coinbase API secret (32 characters for legacy keys, or a base-64 private key for Coinbase \
        Developer Platform keys) signs API requests for the account: depending on permissions it \
        reads balances, trades and sends cryptocurrency, which cannot be reversed.

        **Fix:** delete the API key (Settings → API, or the CDP portal), check the account's \
        transactions, and keep the replacement in a secrets manager with IP allow-listing.
        """,
        examples: [
            .triggers("COINBASE_API_SECRET=F6FYJhc7d2W8gyThqWkEiz6dlA0dOdJ2\n", fileName: ".env"),
            .triggers("coinbase:\n  coinbase_secret: 'F6FYJhc7d2W8gyThqWkEiz6dlA0dOdJ2'\n", fileName: "config.yml"),
            .passes("COINBASE_API_KEY=F6FYJhc7d2W8gyTh\n", fileName: ".env"),
            .passes("COINBASE_API_SECRET=F6FYJhc7d2W8gyThqW\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["coinbase"],
        regex: #"(?i:coinbase[\w.-]{0,15}(?:secret|private[_-]?key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9+/]{86}==|[A-Za-z0-9]{32})(?![A-Za-z0-9+/=])"#,
        minEntropy: 3.5
    )
}
