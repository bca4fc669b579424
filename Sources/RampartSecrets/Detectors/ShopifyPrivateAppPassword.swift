import RampartCore

enum ShopifyPrivateAppPassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "shopify-private-app-password", title: "Shopify private app password",
        documentation: """
        A Shopify private app password (`shppa_` and 32 hex digits) is the Admin API credential of a \
        legacy private app, with the scopes chosen for it on one store.

        **Fix:** delete the private app (Apps → Develop apps), recreate it as a custom app with \
        narrower scopes, and keep its token in a secrets manager.
        """,
        examples: [
            .triggers("SHOPIFY_PASSWORD=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\n", fileName: ".env"),
            .triggers("SHOP_URL = 'https://acmeapp: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@acme.myshopify.com/admin'\n", fileName: "shop.py"),
            .passes("SHOPIFY_PASSWORD=shppa_2287dde5982d3a78a\n", fileName: ".env"),
            .passes("SHOPIFY_PASSWORD=shppa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["shppa_"], regex: #"\b(shppa_[a-fA-F0-9]{32})\b"#, minEntropy: 3.0
    )
}
