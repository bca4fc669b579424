import RampartCore

enum AlgoliaAdminAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "algolia-admin-api-key", title: "Algolia admin API key", confidence: .medium,
        documentation: """
        An Algolia admin API key (32 hex digits) has every permission on the application: reading, \
        rewriting and deleting all indices, changing settings and creating other keys. Search-only \
        keys are meant to be public; this one is not.

        **Fix:** regenerate the admin key (Settings → API keys → Admin API key → Regenerate) and use \
        it only on servers, from a secrets manager; give front ends search-only keys.
        """,
        examples: [
            .triggers("ALGOLIA_ADMIN_KEY=7c2c601ead8855ff84441137dc56d9ef\n", fileName: ".env"),
            .triggers("algolia_admin_api_key = '7c2c601ead8855ff84441137dc56d9ef'\n", fileName: "search.py"),
            .passes("ALGOLIA_SEARCH_KEY=7c2c601ead8855ff84441137dc56d9ef\n", fileName: ".env"),
            .passes("ALGOLIA_ADMIN_KEY=7c2c601ead8855ff8444\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["algolia"],
        regex: #"(?i:algolia[\w.-]{0,10}admin[\w.-]{0,10}key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
