import RampartCore

enum ContentfulDeliveryToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "contentful-delivery-token", title: "Contentful delivery or preview token", severity: .medium, confidence: .medium,
        documentation: """
        A Contentful Content Delivery or Preview API token (43 characters) reads a space's published \
        content, or with a preview token its drafts, which can reveal unreleased material.

        **Fix:** delete the API key (Settings → API keys) and create a new one; keep preview tokens \
        on servers only.
        """,
        examples: [
            .triggers("CONTENTFUL_ACCESS_TOKEN=TxucXmCwCJEfCQw0G7h0VBjIe3a0HqkGoIfbslgqbGO\n", fileName: ".env"),
            .triggers("contentful:\n  contentful_preview_token: 'TxucXmCwCJEfCQw0G7h0VBjIe3a0HqkGoIfbslgqbGO'\n", fileName: "config.yml"),
            .passes("CONTENTFUL_SPACE_ID=TxucXmCwCJEfCQw0G7h0VBjIe3a0HqkGoIfbslgqbGO\n", fileName: ".env"),
            .passes("CONTENTFUL_ACCESS_TOKEN=TxucXmCwCJEfCQw0G7h0VB\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["contentful"],
        regex: #"(?i:contentful[\w.-]{0,15}(?:access|delivery|preview)[_-]?(?:token|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9_-]{43})(?![\w-])"#,
        minEntropy: 4.0
    )
}
