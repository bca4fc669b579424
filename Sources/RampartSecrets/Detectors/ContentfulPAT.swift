import RampartCore

enum ContentfulPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "contentful-pat", title: "Contentful personal access token",
        documentation: """
        A Contentful personal access token (`CFPAT-` and 43 characters) calls the Content Management \
        API as its user on every space they can reach: creating, publishing and deleting content and \
        changing space settings.

        **Fix:** revoke the token (Settings → CMA tokens) and keep its replacement in a secrets \
        manager.
        """,
        examples: [
            .triggers("CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-UOfxVz-0wwhKxhIGqB6xzj66PxDHiV7oYgJJKfLT0GU\n", fileName: ".env"),
            .triggers("contentful space export --management-token CFPAT-UOfxVz-0wwhKxhIGqB6xzj66PxDHiV7oYgJJKfLT0GU\n", fileName: "backup.sh"),
            .passes("CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-UOfxVz-0wwhKxhIGq\n", fileName: ".env"),
            .passes("CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cfpat-"], regex: #"\b(CFPAT-[A-Za-z0-9_-]{43})(?![\w-])"#, minEntropy: 3.5
    )
}
