import RampartCore

enum TelegramBotToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "telegram-bot-token", title: "Telegram bot token", confidence: .medium,
        documentation: """
        A Telegram bot token (the bot's numeric ID, `:` and 35 characters) controls the bot through \
        the Bot API: reading the messages users send it, posting as it in every chat it belongs to \
        and changing its webhook to intercept future updates.

        **Fix:** revoke it with @BotFather (`/revoke`), update the bot's deployment, and keep the \
        new token in a secrets manager.
        """,
        examples: [
            .triggers("TELEGRAM_BOT_TOKEN=9510609933:AAhawioKqmhF-rw1mSj8dIt2ba9DBI6-UoH\n", fileName: ".env"),
            .triggers("requests.get(\"https://api.telegram.org/bot9510609933:AAhawioKqmhF-rw1mSj8dIt2ba9DBI6-UoH/getUpdates\")\n", fileName: "poll.py"),
            .passes("TELEGRAM_CHAT_ID=-1001234567890\n", fileName: ".env"),
            .passes("TELEGRAM_BOT_TOKEN=9510609933:AAhawioKqmhF-rw1mSj8\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["telegram"],
        regex: #"(?i:telegram)[^\n]{0,60}?(?<![0-9])(?<secret>[0-9]{8,10}:A[A-Za-z0-9_-]{34})(?![\w-])"#,
        minEntropy: 3.5
    )
}
