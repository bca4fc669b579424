import RampartCore

enum SlackWorkflowWebhookURL: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-workflow-webhook-url", title: "Slack workflow webhook URL", severity: .medium,
        documentation: """
        A Slack Workflow Builder webhook URL (`hooks.slack.com/workflows/…` or `/triggers/…`) starts \
        a workflow with caller-supplied variables, which typically post messages or create records \
        as the workflow's owner.

        **Fix:** delete and recreate the workflow's webhook trigger, and keep the new URL in a \
        secrets manager.
        """,
        examples: [
            .triggers("SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/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\n", fileName: ".env"),
            .triggers("requests.post(\"https://hooks.slack.com/workflows/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\", json=payload)\n", fileName: "notify.py"),
            .passes("SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/TW4PINA6GZL/0111583342525\n", fileName: ".env"),
            .passes("SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/T00000000/00000000000/00000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hooks.slack.com/workflows/", "hooks.slack.com/triggers/"],
        regex: #"((?:https?://)?hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:A[A-Z0-9]{8,12}/)?[0-9]{8,20}/[a-f0-9]{32})\b"#,
        minEntropy: 3.5
    )
}
