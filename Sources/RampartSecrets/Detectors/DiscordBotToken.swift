import RampartCore

enum DiscordBotToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "discord-bot-token", title: "Discord bot token", confidence: .medium,
        documentation: """
        A Discord bot token (the base-64 bot ID, a timestamp and an HMAC, separated by dots) logs in \
        as the bot: it reads every channel and message the bot can see in every server it has joined \
        and acts with its permissions, often including moderation.

        **Fix:** reset the token (Developer Portal → the application → Bot → Reset Token) and keep \
        it in a secrets manager.
        """,
        examples: [
            .triggers("DISCORD_TOKEN=MR4AtClCoQsnPUvoLnjCSN3po7.JB7cIF.A0-qT9HCXxxit-3jqBxajkWPOOYMlv2Bkosy-b\n", fileName: ".env"),
            .triggers("discord:\n  discord_bot_token: 'MR4AtClCoQsnPUvoLnjCSN3po7.JB7cIF.A0-qT9HCXxxit-3jqBxajkWPOOYMlv2Bkosy-b'\n", fileName: "config.yml"),
            .passes("DISCORD_CLIENT_ID=1054321987654321098\n", fileName: ".env"),
            .passes("DISCORD_TOKEN=MR4AtClCoQsnPUvoLnjCSN3po7.JB7cIF\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["discord"],
        regex: #"(?i:discord)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![\w-])"#,
        minEntropy: 4.0
    )
}
