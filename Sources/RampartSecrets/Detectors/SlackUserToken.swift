import RampartCore

enum SlackUserToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-user-token", title: "Slack user token",
        documentation: """
        A Slack user token (`xoxp-`) acts as the person who installed an app, with the user scopes \
        granted: it can read that person's private channels and direct messages and post as them.

        **Fix:** revoke the token (`auth.revoke`, or remove the app's authorisation), check the \
        workspace's access logs, and keep user tokens encrypted in the app's store.
        """,
        examples: [
            .triggers("SLACK_USER_TOKEN=xoxp-121417917452-288689922782-2898770015859-d34647e6e8e692c5685fbc078d1e2ce9\n", fileName: ".env"),
            .triggers("slack:\n  user_token: xoxp-121417917452-288689922782-2898770015859-d34647e6e8e692c5685fbc078d1e2ce9\n", fileName: "config.yml"),
            .passes("SLACK_USER_TOKEN=xoxp-121417917452-288689922782-2898770015859-d34647e6\n", fileName: ".env"),
            .passes("SLACK_USER_TOKEN=xoxp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xoxp-"], regex: #"\b(xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34})\b"#,
        minEntropy: 3.5
    )
}
