import RampartCore

enum SlackRefreshToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-refresh-token", title: "Slack refresh token",
        documentation: """
        A Slack refresh token (`xoxe-1-` and a long secret), issued with token rotation or with app \
        configuration tokens, mints new access tokens for its user, bot or configuration \
        indefinitely.

        **Fix:** revoke the app's tokens (uninstall and reinstall the app, or regenerate the \
        configuration tokens), and keep refresh tokens encrypted in the app's store.
        """,
        examples: [
            .triggers("SLACK_REFRESH_TOKEN=xoxe-1-1OEJg5MtBsMqfSdfHtMQu21JiUAjdFXikvyB04Co2SObWSY3a4bGj5XUDs6Gqq8tW7D5GnwK3Z7u6JsmfU1ZC7bLODLvN48xFHdXLuQduZYwpha2V6lYG8ggaa80nYocF2Qn0B42EteZuNfbFy\n", fileName: ".env"),
            .triggers("{\"refresh_token\": \"xoxe-1-1OEJg5MtBsMqfSdfHtMQu21JiUAjdFXikvyB04Co2SObWSY3a4bGj5XUDs6Gqq8tW7D5GnwK3Z7u6JsmfU1ZC7bLODLvN48xFHdXLuQduZYwpha2V6lYG8ggaa80nYocF2Qn0B42EteZuNfbFy\"}\n", fileName: "tokens.json"),
            .passes("SLACK_REFRESH_TOKEN=xoxe-1-1OEJg5MtBsMqfSdfHtMQu21JiUAjdFXikvyB04Co2SObW\n", fileName: ".env"),
            .passes("SLACK_REFRESH_TOKEN=xoxe-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xoxe-"], regex: #"\b(xoxe-[0-9]-[A-Za-z0-9]{140,200})\b"#, minEntropy: 4.0
    )
}
