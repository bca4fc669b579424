import RampartCore

enum TwitchAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "twitch-access-token", title: "Twitch OAuth token", confidence: .medium,
        documentation: """
        A Twitch OAuth token (30 lower-case letters and digits, written `oauth:…` for chat) acts for \
        the user or app that obtained it with the scopes granted: chatting as the account, changing \
        stream settings or reading subscriptions.

        **Fix:** revoke it (Connections in the account settings, or the OAuth revoke endpoint) and \
        keep tokens in a secrets manager.
        """,
        examples: [
            .triggers("TWITCH_OAUTH_TOKEN=oauth:o0nfciwl65kb4xtpojwg2cqczn4moz\n", fileName: ".env"),
            .triggers("twitch:\n  twitch_access_token: 'o0nfciwl65kb4xtpojwg2cqczn4moz'\n", fileName: "config.yml"),
            .passes("TWITCH_CLIENT_ID=o0nfciwl65kb4xtpojwg2cqczn\n", fileName: ".env"),
            .passes("TWITCH_OAUTH_TOKEN=oauth:${TWITCH_TOKEN}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["twitch"],
        regex: #"(?i:twitch[\w.-]{0,15}(?:token|secret))["']?\s*(?:=>|:=|[:=])\s*["']?(?:oauth:)?(?<secret>[a-z0-9]{30})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
