import RampartCore

enum StripeRestrictedKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "stripe-restricted-key", title: "Stripe live restricted key",
        documentation: """
        A Stripe live restricted key (`rk_live_`) calls the Stripe API with the resource permissions \
        chosen for it; depending on them it reads customer and payment data or creates charges and \
        refunds.

        **Fix:** roll or delete the key (Dashboard → Developers → API keys), and keep its \
        replacement on servers only, in a secrets manager.
        """,
        examples: [
            .triggers("STRIPE_RESTRICTED_KEY=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\n", fileName: ".env"),
            .triggers("const stripe = require(\"stripe\")(\"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\");\n", fileName: "payments.js"),
            .passes("STRIPE_RESTRICTED_KEY=rk_live_51wjhKKl\n", fileName: ".env"),
            .passes("STRIPE_RESTRICTED_KEY=rk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["rk_live_"], regex: #"\b(rk_live_[A-Za-z0-9]{24,99})\b"#, minEntropy: 3.5
    )
}
