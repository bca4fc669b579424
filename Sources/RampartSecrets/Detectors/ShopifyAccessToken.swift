import RampartCore

enum ShopifyAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "shopify-access-token", title: "Shopify Admin API access token",
        documentation: """
        A Shopify Admin API access token (`shpat_` and 32 hex digits) acts as a custom or public app \
        on a store with the app's access scopes: orders, customers' personal data, products and \
        store settings.

        **Fix:** uninstall and reinstall the app or rotate the token (the app's API credentials), \
        and keep the new one in a secrets manager.
        """,
        examples: [
            .triggers("SHOPIFY_ACCESS_TOKEN=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\n", fileName: ".env"),
            .triggers("session = shopify.Session(shop_url, '2024-07', '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')\n", fileName: "shop.py"),
            .passes("SHOPIFY_ACCESS_TOKEN=shpat_15a8858a12004bb062631d3\n", fileName: ".env"),
            .passes("SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["shpat_"], regex: #"\b(shpat_[a-fA-F0-9]{32})\b"#, minEntropy: 3.0
    )
}
