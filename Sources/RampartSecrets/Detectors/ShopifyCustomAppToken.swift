import RampartCore

enum ShopifyCustomAppToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "shopify-custom-app-token", title: "Shopify custom app access token",
        documentation: """
        A Shopify custom app access token (`shpca_` and 32 hex digits) calls the Admin API for a \
        store with the custom app's scopes, which often include orders and customer data.

        **Fix:** rotate the token by uninstalling and reinstalling the custom app (or the app's API \
        credentials page), and keep it in a secrets manager.
        """,
        examples: [
            .triggers("SHOPIFY_ACCESS_TOKEN=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\n", fileName: ".env"),
            .triggers("shopify:\n  access_token: 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\n", fileName: "config.yml"),
            .passes("SHOPIFY_ACCESS_TOKEN=shpca_66cf2865a51695c13cec\n", fileName: ".env"),
            .passes("SHOPIFY_ACCESS_TOKEN=shpca_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["shpca_"], regex: #"\b(shpca_[a-fA-F0-9]{32})\b"#, minEntropy: 3.0
    )
}
