import RampartCore

enum SlackWebhookURL: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-webhook-url", title: "Slack incoming webhook URL", severity: .medium,
        documentation: """
        A Slack incoming webhook URL (`hooks.slack.com/services/T…/B…/…`) posts messages into a \
        channel without further authentication: a holder can spam the channel or post convincing \
        phishing messages under the integration's name.

        **Fix:** remove the webhook (the app's Incoming Webhooks page, or the legacy integration) \
        and create a new one, kept in a secrets manager rather than in code.
        """,
        examples: [
            .triggers("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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\n", fileName: ".env"),
            .triggers("alertmanager:\n  slack_api_url: 'https://hooks.slack.com/services/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'\n", fileName: "alertmanager.yml"),
            .passes("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
            .passes("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T461ZA1UPOJ/BFWBW5YZG4F\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hooks.slack.com/services/"],
        regex: #"((?:https?://)?hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})\b"#,
        minEntropy: 4.0
    )
}
