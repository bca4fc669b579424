import RampartCore

enum StripeTestSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "stripe-test-secret-key", title: "Stripe test-mode secret key", severity: .low, confidence: .medium,
        documentation: """
        A Stripe test-mode secret or restricted key (`sk_test_`, `rk_test_`) only reaches the \
        account's test data and moves no money, but it reveals the account, lets a holder create \
        noise in test mode and often sits next to live keys. Stripe's own documentation key is not \
        reported.

        **Fix:** roll the test key (Dashboard → Developers → API keys, in test mode) if it was \
        shared beyond the team, and load keys from the environment so live ones never follow the \
        same path into the repository.
        """,
        examples: [
            .triggers("STRIPE_SECRET_KEY=sk_test_5179AYcIHT1fcndrSllOEDtK6m0Yeo5XlsO3wRddgGdPIqJtj0CMMfw6EYhfyuRQ55CwJK18r3v3RqSUGAvGeHwY54PmX1LgGAm\n", fileName: ".env"),
            .triggers("stripe:\n  secret_key: rk_test_5179AYcIHT1fcndrSllOEDtK6m0Yeo5XlsO3wRddgGdPIqJtj0CMMfw6EYhfyuRQ55CwJK18r3v3RqSUGAvGeHwY54PmX1LgGAm\n", fileName: "config.yml"),
            .passes("stripe.api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'\n", fileName: "billing.py"),
            .passes("STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk_test_", "rk_test_"], regex: #"\b([sr]k_test_[A-Za-z0-9]{24,99})\b"#, minEntropy: 3.5
    )

    /// Clerk's secret keys share the prefix; beside a Clerk name they are `clerk-secret-key`'s.
    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        !context.line.lowercased().contains("clerk")
    }
}
