import RampartCore

enum SlackAppToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-app-token", title: "Slack app-level token",
        documentation: """
        A Slack app-level token (`xapp-`) connects an app to Socket Mode and other app-wide APIs: \
        whoever holds it receives the app's events, which carry the content of messages the app can \
        see.

        **Fix:** revoke the token (api.slack.com → the app → Basic Information → App-level tokens) \
        and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("SLACK_APP_TOKEN=xapp-1-ABRFC6FULER-4849451436770-9663528a5e94b9b65193cfc696ef945ee107591419e36725caa856aa35e95aa2\n", fileName: ".env"),
            .triggers("handler = SocketModeHandler(app, \"xapp-1-ABRFC6FULER-4849451436770-9663528a5e94b9b65193cfc696ef945ee107591419e36725caa856aa35e95aa2\")\n", fileName: "socket.py"),
            .passes("SLACK_APP_TOKEN=xapp-1-ABRFC6FULER-4849451436770-9663528a\n", fileName: ".env"),
            .passes("SLACK_APP_TOKEN=xapp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xapp-"], regex: #"\b(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{32,80})\b"#,
        minEntropy: 3.5
    )
}
