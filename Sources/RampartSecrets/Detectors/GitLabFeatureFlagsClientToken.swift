import RampartCore

enum GitLabFeatureFlagsClientToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-feature-flags-client-token", title: "GitLab feature flags client token",
        documentation: """
        A GitLab feature flags client token (`glffct-` and 20 characters) lets Unleash clients read \
        a project's feature flag definitions, which can reveal unreleased features and targeting \
        rules.

        **Fix:** reset the instance ID and token (Deploy → Feature flags → Configure) and supply the \
        new value through the environment.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glffct-U5hYQ00irVeSUayTckBF\n", fileName: ".env"),
            .triggers("token: 'glffct-U5hYQ00irVeSUayTckBF'\n", fileName: "unleash.yml"),
            .passes("GITLAB_TOKEN=glffct-U5hYQ00irV\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glffct-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glffct-"], regex: #"\b(glffct-[\w-]{20})(?![\w-])"#, minEntropy: 3.5
    )
}
