import RampartCore

enum SquareAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "square-access-token", title: "Square access token",
        documentation: """
        A Square access token (`EAAA…` for personal and OAuth production tokens, `sq0atp-…` for \
        older ones) calls the Square APIs for a seller: taking and refunding payments, and reading \
        customers, orders and payouts.

        **Fix:** revoke the token (Developer Dashboard → the application → Credentials, or the OAuth \
        revoke endpoint) and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("SQUARE_ACCESS_TOKEN=EAAAaJHgmM0YM2Eac4EkQl19wYHWrJjuwXYFUQR1NP4EMFEGBjPcyZUD8ohdofKn\n", fileName: ".env"),
            .triggers("client = Client(access_token='sq0atp-LNdCqX8RcaM1StA0GIqhnZ', environment='production')\n", fileName: "pos.py"),
            .passes("SQUARE_ACCESS_TOKEN=EAAAaJHgmM0YM2Eac4EkQl19wYHWrJ\n", fileName: ".env"),
            .passes("SQUARE_ACCESS_TOKEN=sq0atp-xxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["eaaa", "sq0atp-"],
        regex: #"\b(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![\w-])"#, minEntropy: 3.5
    )
}
