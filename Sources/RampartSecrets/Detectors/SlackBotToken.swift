import RampartCore

enum SlackBotToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-bot-token", title: "Slack bot token",
        documentation: """
        A Slack bot token (`xoxb-` with the team and bot IDs and a secret) acts as an app's bot user \
        with the app's scopes: reading the channels it is in, posting as the bot, and often listing \
        users and files across the workspace.

        **Fix:** revoke the token (api.slack.com → the app → OAuth & Permissions → Revoke, or \
        `auth.revoke`), reinstall the app to get a new one, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("SLACK_BOT_TOKEN=xoxb-727516008316-7193524235319-YlNUWq8gRdIv8fhEp43JNyFd\n", fileName: ".env"),
            .triggers("app = App(token=\"xoxb-727516008316-7193524235319-YlNUWq8gRdIv8fhEp43JNyFd\", signing_secret=signing_secret)\n", fileName: "bot.py"),
            .passes("SLACK_BOT_TOKEN=xoxb-727516008316-7193524235319-YlNUWq8\n", fileName: ".env"),
            .passes("SLACK_BOT_TOKEN=xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xoxb-"], regex: #"\b(xoxb-[0-9]{10,13}(?:-[0-9]{10,13})?-[A-Za-z0-9]{24,40})\b"#,
        minEntropy: 3.5
    )
}
