import RampartCore

enum DiscordWebhookURL: SecretRule {
    static let metadata = RuleMetadata.secret(
        "discord-webhook-url", title: "Discord webhook URL", severity: .medium,
        documentation: """
        A Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`) posts messages into a \
        channel under any name and avatar the caller chooses, and can edit or delete the webhook's \
        earlier messages.

        **Fix:** delete the webhook (Server settings → Integrations → Webhooks) and create a new one \
        whose URL is kept in a secrets manager.
        """,
        examples: [
            .triggers("DISCORD_WEBHOOK=https://discord.com/api/webhooks/6553112707522793800/FeqTtB8ecl-ZsK-R4ijCKXh6ZdKspdoClldzkbg4Au9oqyGf3vn88dpKsx-Us3WEFru3\n", fileName: ".env"),
            .triggers("webhook = DiscordWebhook(url=\"https://discordapp.com/api/webhooks/6553112707522793800/FeqTtB8ecl-ZsK-R4ijCKXh6ZdKspdoClldzkbg4Au9oqyGf3vn88dpKsx-Us3WEFru3\")\n", fileName: "notify.py"),
            .passes("DISCORD_WEBHOOK=https://discord.com/api/webhooks/6553112707522793800/\n", fileName: ".env"),
            .passes("DISCORD_WEBHOOK=https://discord.com/api/webhooks/6553112707522793800/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
        regex: #"((?:https?://)?(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80})(?![\w-])"#,
        minEntropy: 4.0
    )
}
