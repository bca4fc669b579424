import RampartCore

enum PagerDutyAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pagerduty-api-key", title: "PagerDuty API key", confidence: .medium,
        documentation: """
        A PagerDuty REST API key (20 characters, user keys beginning `u+`) acts on the account's \
        incidents, schedules, services and users with the key's access, and an integration key (32 \
        hex digits) triggers incidents that page people.

        **Fix:** delete the key (Integrations → API Access Keys, or the user's API access), create a \
        read-only or user-scoped one where possible, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("PAGERDUTY_API_KEY=u+l49xA_zuSRpNbX5Mk6\n", fileName: ".env"),
            .triggers("pagerduty:\n  pagerduty_token: 'Z8LTnUxogCO6HAU+qhQc'\n", fileName: "alerting.yml"),
            .passes("PAGERDUTY_SERVICE_ID=PX7QK2M\n", fileName: ".env"),
            .passes("PAGERDUTY_API_KEY=${PD_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pagerduty", "pager_duty", "pager-duty"],
        regex: #"(?i:pager[_-]?duty[\w.-]{0,15}(?:api[_-]?key|token|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>u\+[A-Za-z0-9_-]{18}|[A-Za-z0-9_+-]{20}|[a-f0-9]{32})(?![\w+-])"#,
        minEntropy: 3.5
    )
}
