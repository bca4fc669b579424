import RampartCore

enum AtlassianAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "atlassian-api-token", title: "Atlassian API token",
        documentation: """
        An Atlassian API token (`ATATT3xFfGF0` and a long string) authenticates as its user to Jira, \
        Confluence and Bitbucket Cloud APIs with basic auth, with everything that user can see and \
        do across the Atlassian site.

        **Fix:** revoke it (id.atlassian.com → Security → API tokens), create a scoped token with an \
        expiry, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("JIRA_API_TOKEN=ATATT3xFfGF0Q_1QOBnEmGJHNVPKebQ3WtlFp5WMsO8HctRc8eUHxt3WGUiM8WQNztRs2RmnSPeTogRXu5boMl3JvXf8309d9d_KwMnDrVw6t77SOIxcDavHt18gaP2XDUyo9iC2s2lPlCoWEI-LanhT5Tgg_4men5RBCwr9An-QvwDJI9PpgXSOWlJiEbCE=5F68A1F9\n", fileName: ".env"),
            .triggers("jira = JIRA(server, basic_auth=(\"ops@acme.test\", \"ATATT3xFfGF0Q_1QOBnEmGJHNVPKebQ3WtlFp5WMsO8HctRc8eUHxt3WGUiM8WQNztRs2RmnSPeTogRXu5boMl3JvXf8309d9d_KwMnDrVw6t77SOIxcDavHt18gaP2XDUyo9iC2s2lPlCoWEI-LanhT5Tgg_4men5RBCwr9An-QvwDJI9PpgXSOWlJiEbCE=5F68A1F9\"))\n", fileName: "tickets.py"),
            .passes("JIRA_API_TOKEN=ATATT3xFfGF0Q_1QOBnEmGJHNVPKeb\n", fileName: ".env"),
            .passes("JIRA_API_TOKEN=ATATT3xFfGF0<token>\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["atatt3xffgf0"], regex: #"\b(ATATT3xFfGF0[A-Za-z0-9_=-]{100,400})(?![\w=-])"#,
        minEntropy: 4.0
    )
}
