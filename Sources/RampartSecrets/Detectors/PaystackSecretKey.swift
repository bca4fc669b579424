import RampartCore

enum PaystackSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "paystack-secret-key", title: "Paystack live secret key", severity: .critical,
        documentation: """
        A Paystack live secret key (`sk_live_` and 40 hex digits) calls the Paystack API for the \
        business: charging customers, initiating transfers and refunds and reading transaction and \
        customer data.

        **Fix:** generate new API keys (Settings → API Keys & Webhooks) and keep the secret key in a \
        secrets manager.
        """,
        examples: [
            .triggers("PAYSTACK_SECRET_KEY=sk_live_4bd63c2d82b73151dcc2ec67a5b3ea320d575b3f\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer sk_live_4bd63c2d82b73151dcc2ec67a5b3ea320d575b3f'}\n", fileName: "paystack.py"),
            .passes("PAYSTACK_SECRET_KEY=sk_live_4bd63c2d82b73151dcc2ec\n", fileName: ".env"),
            .passes("STRIPE_SECRET_KEY=sk_live_EqL3TfP5xB68FjDEE2VtrY6a\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk_live_"], regex: #"\b(sk_live_[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
