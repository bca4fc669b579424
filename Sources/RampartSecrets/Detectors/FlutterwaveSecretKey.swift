import RampartCore

enum FlutterwaveSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "flutterwave-secret-key", title: "Flutterwave live secret key", severity: .critical,
        documentation: """
        A Flutterwave live secret key (`FLWSECK-`, 32 hex digits and `-X`) calls the Flutterwave API \
        for the merchant: charging cards, initiating transfers and payouts, and reading \
        transactions.

        **Fix:** regenerate the API keys (Dashboard → Settings → API keys) and keep the secret key \
        in a secrets manager.
        """,
        examples: [
            .triggers("FLW_SECRET_KEY=FLWSECK-423b077abf099a7c48fa42c31bbdbcab-X\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer FLWSECK-423b077abf099a7c48fa42c31bbdbcab-X'}\n", fileName: "transfers.py"),
            .passes("FLW_SECRET_KEY=FLWSECK-423b077abf099a7c48fa42c31b\n", fileName: ".env"),
            .passes("FLW_SECRET_KEY=FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["flwseck-"], regex: #"\b(FLWSECK-[a-f0-9]{32}-X)\b"#, minEntropy: 3.0
    )
}
