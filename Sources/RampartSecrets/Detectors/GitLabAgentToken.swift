import RampartCore

enum GitLabAgentToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-agent-token", title: "GitLab agent for Kubernetes token",
        documentation: """
        A GitLab agent for Kubernetes token (`glagent-` and 50 characters) connects an agent in a \
        cluster to GitLab; whoever holds it can impersonate the agent and receive the manifests and \
        CI/CD access meant for the cluster.

        **Fix:** revoke the token (Operate → Kubernetes clusters → the agent → Access tokens), \
        install the agent with a new one, and keep it in a Kubernetes Secret, not in values files.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glagent-NBkR9sJ5psqq62HJUu92sJlsLN4TeV4eSKfx6iacQsoHo34S8K\n", fileName: ".env"),
            .triggers("token: 'glagent-NBkR9sJ5psqq62HJUu92sJlsLN4TeV4eSKfx6iacQsoHo34S8K'\n", fileName: "values.yaml"),
            .passes("GITLAB_TOKEN=glagent-NBkR9sJ5psqq62HJUu92sJ\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glagent-"], regex: #"\b(glagent-[\w-]{50})(?![\w-])"#, minEntropy: 3.5
    )
}
