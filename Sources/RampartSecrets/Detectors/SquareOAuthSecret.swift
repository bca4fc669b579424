import RampartCore

enum SquareOAuthSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "square-oauth-secret", title: "Square OAuth application secret",
        documentation: """
        A Square OAuth application secret (`sq0csp-` and 43 characters) lets its holder exchange \
        authorization codes and refresh tokens as the application, for every seller who authorised \
        it.

        **Fix:** replace the application secret (Developer Dashboard → the application → OAuth) and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("SQUARE_APP_SECRET=sq0csp-tIMc3QVfXH8kOrM5-a8gTAv3doNT7DkeXJVJ4tcgVDB\n", fileName: ".env"),
            .triggers("square:\n  application_secret: sq0csp-tIMc3QVfXH8kOrM5-a8gTAv3doNT7DkeXJVJ4tcgVDB\n", fileName: "config.yml"),
            .passes("SQUARE_APP_SECRET=sq0csp-tIMc3QVfXH8kOrM5\n", fileName: ".env"),
            .passes("SQUARE_APP_SECRET=sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sq0csp-"], regex: #"\b(sq0csp-[A-Za-z0-9_-]{43})(?![\w-])"#, minEntropy: 3.5
    )
}
