import RampartCore

enum FigmaPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "figma-pat", title: "Figma personal access token",
        documentation: """
        A Figma personal access token (`figd_` and 40 characters) calls the Figma REST API as its \
        user with its scopes: reading design files, comments and, depending on scope, the team's \
        libraries and webhooks.

        **Fix:** revoke the token (Settings → Security → Personal access tokens) and keep its \
        replacement in a secrets manager.
        """,
        examples: [
            .triggers("FIGMA_TOKEN=figd_uR5J4sACJ6g9Gwvvsryrwdu9ZLXq-G3NDNK_p6aH\n", fileName: ".env"),
            .triggers("headers = {'X-Figma-Token': 'figd_uR5J4sACJ6g9Gwvvsryrwdu9ZLXq-G3NDNK_p6aH'}\n", fileName: "figma_export.py"),
            .passes("FIGMA_TOKEN=figd_uR5J4sACJ6g9Gwvvsry\n", fileName: ".env"),
            .passes("FIGMA_TOKEN=figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["figd_"], regex: #"\b(figd_[A-Za-z0-9_-]{40})(?![\w-])"#, minEntropy: 3.5
    )
}
