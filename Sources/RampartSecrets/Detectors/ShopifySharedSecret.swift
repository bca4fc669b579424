import RampartCore

enum ShopifySharedSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "shopify-shared-secret", title: "Shopify app shared secret", severity: .medium,
        documentation: """
        A Shopify app shared secret (`shpss_` and 32 hex digits) signs and verifies webhooks and \
        OAuth requests for an app: a holder can forge webhooks the app trusts and complete OAuth as \
        the app.

        **Fix:** rotate the client secret (the Partner Dashboard or the app's API credentials) and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("SHOPIFY_API_SECRET=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\n", fileName: ".env"),
            .triggers("const secret = \"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\";\n", fileName: "webhooks.js"),
            .passes("SHOPIFY_API_SECRET=shpss_94d0dfee5f5b7239295\n", fileName: ".env"),
            .passes("SHOPIFY_API_SECRET=shpss_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["shpss_"], regex: #"\b(shpss_[a-fA-F0-9]{32})\b"#, minEntropy: 3.0
    )
}
