import RampartCore

enum GitLabPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-pat", title: "GitLab personal access token",
        documentation: """
        A GitLab personal, project or group access token (`glpat-` and 20 characters, or a longer \
        routable token ending in `.01.` and a check) acts as its user or bot on the API, Git and the \
        registries, with its scopes, until it expires.

        **Fix:** revoke it (User settings → Access tokens, or the project's or group's access \
        tokens), check the audit events, and keep its replacement in a CI/CD variable that is masked \
        and protected.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glpat-_kxyB-fybOh_WynwFpPp\n", fileName: ".env"),
            .triggers("remote = 'https://oauth2:glpat-scr_yMUZacyFmvIR24menwZ_BnDElOwNhe3ALg6y.01.zy25tyy@gitlab.com/acme/app.git'\n", fileName: "sync.py"),
            .passes("GITLAB_TOKEN=glpat-_kxyB-fybOh_Wy\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glpat-"],
        regex: #"\b(glpat-(?:[\w-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7}|[\w-]{20}))(?![\w-])"#, minEntropy: 3.5
    )
}
