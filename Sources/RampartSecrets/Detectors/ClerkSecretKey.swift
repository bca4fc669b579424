import RampartCore

enum ClerkSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "clerk-secret-key", title: "Clerk secret key", confidence: .medium,
        documentation: """
        A Clerk secret key (`sk_live_` or `sk_test_` next to a Clerk name) calls the Clerk Backend \
        API for an instance: reading and changing users, sessions and organisations, and minting \
        sign-in tokens that log in as any user. It shares its prefix with Stripe keys, so Rampart \
        reports it only beside a Clerk name.

        **Fix:** roll the key (Dashboard → API keys), and keep it on servers only, in a secrets \
        manager.
        """,
        examples: [
            .triggers("CLERK_SECRET_KEY=sk_live_5Vk0sHrzL3HDUvoJxwq78w9B5AtgN5GT3icmeBTeKRGAwq\n", fileName: ".env"),
            .triggers("clerk:\n  clerk_secret_key: 'sk_live_5Vk0sHrzL3HDUvoJxwq78w9B5AtgN5GT3icmeBTeKRGAwq'\n", fileName: "config.yml"),
            .passes("STRIPE_SECRET_KEY=sk_live_5Vk0sHrzL3HDUvoJxwq78w9B5AtgN5GT3icmeBTeKRGAwq\n", fileName: ".env"),
            .passes("CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS50ZXN0JA\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["clerk"],
        regex: #"(?i:clerk[\w.-]{0,15}(?:secret|api)[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>sk_(?:live|test)_[A-Za-z0-9]{30,80})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
