import RampartCore

enum SlackRotatingAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "slack-rotating-access-token", title: "Slack rotating or configuration access token",
        documentation: """
        A Slack access token with token rotation or an app configuration token (`xoxe.xoxp-` or \
        `xoxe.xoxb-`) acts as the user or bot for twelve hours; a configuration token creates and \
        changes apps in the workspace through the App Manifest API.

        **Fix:** revoke it (`tooling.tokens.rotate` / `auth.revoke`, or regenerate the configuration \
        tokens on api.slack.com/apps), and keep tokens in a secrets manager.
        """,
        examples: [
            .triggers("SLACK_CONFIG_TOKEN=xoxe.xoxp-1-ICM42vNDsoaXoHzV06Y83g25SnCokPOP07V7bUGduyPS2vl9OAxHH9ekFrGsL8J8eEcT8jFVQ8xdcUH3Bfe1tsbpnv7lQe3VxNu7FvlRXVweUGlmXS4SAUXzaaxBXTkJqsA4AQznTuBwnNqzbEJ86K0tAAd8lypSBzX\n", fileName: ".env"),
            .triggers("manifest_token = 'xoxe.xoxp-1-ICM42vNDsoaXoHzV06Y83g25SnCokPOP07V7bUGduyPS2vl9OAxHH9ekFrGsL8J8eEcT8jFVQ8xdcUH3Bfe1tsbpnv7lQe3VxNu7FvlRXVweUGlmXS4SAUXzaaxBXTkJqsA4AQznTuBwnNqzbEJ86K0tAAd8lypSBzX'\n", fileName: "apps.py"),
            .passes("SLACK_CONFIG_TOKEN=xoxe.xoxp-1-ICM42vNDsoaXoHzV06Y83g25SnCokPOP07V7bUGduyPS2vl9OAxHH9ekF\n", fileName: ".env"),
            .passes("SLACK_CONFIG_TOKEN=xoxe.xoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xoxe.xox"], regex: #"\b(xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{146,200})\b"#, minEntropy: 4.0
    )
}
