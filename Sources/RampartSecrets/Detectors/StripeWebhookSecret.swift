import RampartCore

enum StripeWebhookSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "stripe-webhook-secret", title: "Stripe webhook signing secret", severity: .medium,
        documentation: """
        A Stripe webhook signing secret (`whsec_`) verifies that webhook events come from Stripe: \
        with it an attacker can forge events such as `checkout.session.completed` that the \
        application trusts, for example to mark unpaid orders as paid.

        **Fix:** roll the secret (Dashboard → Developers → Webhooks → the endpoint → Roll secret) \
        and keep it in a secrets manager.
        """,
        examples: [
            .triggers("STRIPE_WEBHOOK_SECRET=whsec_Jw6E3in6gc7OWfhSjzANfCcuBf8Kd62v\n", fileName: ".env"),
            .triggers("endpoint_secret = 'whsec_Jw6E3in6gc7OWfhSjzANfCcuBf8Kd62v'\n", fileName: "webhooks.py"),
            .passes("STRIPE_WEBHOOK_SECRET=whsec_Jw6E3in6gc7OWfh\n", fileName: ".env"),
            .passes("STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["whsec_"], regex: #"\b(whsec_[A-Za-z0-9+/=]{32,100})(?![A-Za-z0-9+/=])"#, minEntropy: 3.5
    )
}
