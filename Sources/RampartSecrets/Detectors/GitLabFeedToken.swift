import RampartCore

enum GitLabFeedToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-feed-token", title: "GitLab feed token",
        documentation: """
        A GitLab feed token (`glft-` and 20 characters) authenticates RSS/Atom feeds and calendar \
        links as its user, exposing the titles and descriptions of issues and merge requests in \
        private projects.

        **Fix:** reset it (User settings → Access tokens → Feed token) and do not commit feed URLs.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glft-gavxPfOtzXQTty7V1tIx\n", fileName: ".env"),
            .triggers("token: 'glft-gavxPfOtzXQTty7V1tIx'\n", fileName: "feeds.yml"),
            .passes("GITLAB_TOKEN=glft-gavxPfOtzXQ\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glft-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glft-"], regex: #"\b(glft-[\w-]{20})(?![\w-])"#, minEntropy: 3.5
    )
}
