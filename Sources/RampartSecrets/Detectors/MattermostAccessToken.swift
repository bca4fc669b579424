import RampartCore

enum MattermostAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mattermost-access-token", title: "Mattermost access token", confidence: .medium,
        documentation: """
        A Mattermost personal access or bot token (26 lower-case letters and digits) calls the \
        Mattermost API as its user or bot: reading the channels and direct messages it can see and \
        posting as it.

        **Fix:** revoke the token (Profile → Security → Personal access tokens, or Integrations → \
        Bot accounts) and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("MATTERMOST_TOKEN=a3z45umz53t5i50j7jkfo27sxl\n", fileName: ".env"),
            .triggers("mattermost:\n  mattermost_access_token: 'a3z45umz53t5i50j7jkfo27sxl'\n", fileName: "config.yml"),
            .passes("MATTERMOST_TEAM_ID=a3z45umz53t5i50j7jkfo27sxl\n", fileName: ".env"),
            .passes("MATTERMOST_TOKEN=a3z45umz53t5i\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mattermost"],
        regex: #"(?i:mattermost[\w.-]{0,15}(?:token|key))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-z0-9]{26})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
