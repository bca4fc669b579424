import RampartCore

enum SlackLegacyToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-legacy-token", title: "Slack legacy token",
        documentation: """
        Slack's legacy tokens (`xoxa-` workspace-app tokens, `xoxr-` refresh tokens, `xoxs-` and \
        `xoxo-` tokens) predate today's token types; they act with broad, often workspace-wide, \
        permissions and do not expire.

        **Fix:** revoke the token (`auth.revoke`, or the legacy tokens page), migrate the \
        integration to a Slack app with granular scopes, and keep its tokens in a secrets manager.
        """,
        examples: [
            .triggers("SLACK_TOKEN=xoxa-2-971573259905-614122460463-6923698383158-d04c55306208f5525f84df64e537501b\n", fileName: ".env"),
            .triggers("token = \"xoxa-2-971573259905-614122460463-6923698383158-d04c55306208f5525f84df64e537501b\"\n", fileName: "legacy.py"),
            .passes("SLACK_TOKEN=xoxa-2-971573259905-614122460463\n", fileName: ".env"),
            .passes("SLACK_TOKEN=xoxs-000000000000-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xoxa-"],
        regex: #"\b(xox[aors]-(?:[0-9]-)?[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-[A-Za-z0-9]{24,64})\b"#,
        minEntropy: 3.5
    )
}
