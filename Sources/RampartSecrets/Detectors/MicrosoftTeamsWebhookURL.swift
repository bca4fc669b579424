import RampartCore

enum MicrosoftTeamsWebhookURL: SecretRule {
    static let metadata = RuleMetadata.secret(
        "microsoft-teams-webhook-url", title: "Microsoft Teams incoming webhook URL", severity: .medium,
        documentation: """
        A Microsoft Teams incoming webhook URL (`….webhook.office.com/webhookb2/…`) posts cards into \
        a channel without authentication: a holder can spam it or post convincing phishing messages \
        under the connector's name.

        **Fix:** remove the connector from the channel (Manage channel → Connectors) or migrate to a \
        Workflows webhook, and keep the new URL in a secrets manager.
        """,
        examples: [
            .triggers("TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/a9bb9cb9-e399-405a-ab79-88e62a9be6c0@98e8bb69-44a5-477b-9909-f12753d66c7a/IncomingWebhook/299fa2f6d3385adcb626028d723dbca8/b6dc52d3-8e4d-4df8-a64a-d4f35664c1a1/V2tbk303x_UN8v3v9wm2BCu2zExBaAq8xOhL_F_ArJano\n", fileName: ".env"),
            .triggers("notifications:\n  teams:\n    url: 'https://acme.webhook.office.com/webhookb2/a9bb9cb9-e399-405a-ab79-88e62a9be6c0@98e8bb69-44a5-477b-9909-f12753d66c7a/IncomingWebhook/299fa2f6d3385adcb626028d723dbca8/b6dc52d3-8e4d-4df8-a64a-d4f35664c1a1/V2tbk303x_UN8v3v9wm2BCu2zExBaAq8xOhL_F_ArJano'\n", fileName: "ci.yml"),
            .passes("TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/a9bb9cb9-e399-405a-ab79-88e62a9be6c0@98e8bb69-44a5-477b-9909-f12753d66c7a/IncomingWebhook/\n", fileName: ".env"),
            .passes("See https://learn.microsoft.com for how to create a webhook.office.com connector.\n", fileName: "notes.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"],
        regex: #"((?:https?://)?(?:[a-z0-9-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/IncomingWebhook/[a-f0-9]{32}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:/[A-Za-z0-9_-]{20,80})?)(?![\w-])"#,
        minEntropy: 3.5
    )
}
