import RampartCore

enum ZulipAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "zulip-api-key", title: "Zulip API key", confidence: .medium,
        documentation: """
        A Zulip API key (32 letters and digits) authenticates as its user or bot with the user's \
        e-mail: reading every stream and private message the account can see and posting as it.

        **Fix:** regenerate the key (Personal settings → Account & privacy → API key, or the bot's \
        settings) and keep it in a secrets manager or a `zuliprc` outside the repository.
        """,
        examples: [
            .triggers("ZULIP_API_KEY=aSO6LREh2qHEjT91z8YE8wfqmMatoi3l\n", fileName: ".env"),
            .triggers("client = zulip.Client(email=\"deploy-bot@acme.zulipchat.com\", api_key=\"aSO6LREh2qHEjT91z8YE8wfqmMatoi3l\")\n", fileName: "notify.py"),
            .passes("ZULIP_SITE=https://acme.zulipchat.com\n", fileName: ".env"),
            .passes("ZULIP_API_KEY=aSO6LREh2qHEjT91\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["zulip"],
        regex: #"(?i:zulip)(?:(?i:[\w.-]{0,15}(?:api[_-]?key|key))["']?\s*(?:=>|:=|[:=])\s*["']?|[^\n]{0,100}?\bapi_key\s*=\s*["'])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
