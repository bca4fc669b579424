import RampartCore

enum StripeSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "stripe-secret-key", title: "Stripe live secret key", severity: .critical,
        documentation: """
        A Stripe live secret key (`sk_live_`) has full access to the Stripe account's API: it can \
        read customers and payment data, issue refunds, create payouts and change the account's \
        settings.

        **Fix:** roll the key (Dashboard → Developers → API keys → Roll key), review the account's \
        logs and events, and keep the new key on servers only, in a secrets manager; use restricted \
        keys where the full key is not needed.
        """,
        examples: [
            .triggers("STRIPE_SECRET_KEY=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\n", fileName: ".env"),
            .triggers("stripe.api_key = 'sk_live_EqL3TfP5xB68FjDEE2VtrY6a'\n", fileName: "billing.py"),
            .passes("STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
            .passes("STRIPE_SECRET_KEY=sk_live_EqL3TfP5\n", fileName: ".env"),
            .passes("PAYSTACK_SECRET_KEY=sk_live_4bd63c2d82b73151dcc2ec67a5b3ea320d575b3f\n", fileName: ".env"),
            .passes("CLERK_SECRET_KEY=sk_live_5Vk0sHrzL3HDUvoJxwq78w9B5AtgN5GT3icmeBTeKRGAwq\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk_live_"], regex: #"\b(sk_live_(?![a-f0-9]{40}\b)[A-Za-z0-9]{24,99})\b"#,
        minEntropy: 3.5
    )

    /// Clerk's secret keys share the prefix; beside a Clerk name they are `clerk-secret-key`'s.
    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        !context.line.lowercased().contains("clerk")
    }
}
