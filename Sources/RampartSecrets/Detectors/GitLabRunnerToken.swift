import RampartCore

enum GitLabRunnerToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-runner-token", title: "GitLab runner authentication token",
        documentation: """
        A GitLab runner authentication token (`glrt-`) lets a machine register as a runner and pick \
        up jobs: a rogue runner receives the jobs' source code, CI/CD variables and secrets.

        **Fix:** reset the token or delete the runner (Settings → CI/CD → Runners), and keep \
        `config.toml` out of repositories and images.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glrt-gsj0wFCpCqU3whRhTNOp\n", fileName: ".env"),
            .triggers("[[runners]]\n  token = \"glrt-t1_GqlQ08nucMMV9W5mdRXZxQctL4B\"\n", fileName: "config.toml"),
            .passes("GITLAB_TOKEN=glrt-gsj0wFCpCqU\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glrt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glrt-"], regex: #"\b(glrt-[\w-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?)(?![\w-])"#,
        minEntropy: 3.5
    )
}
