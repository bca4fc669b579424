import RampartCore

enum GitLabDeployToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-deploy-token", title: "GitLab deploy token",
        documentation: """
        A GitLab deploy token (`gldt-` and 20 characters) reads, and with write scopes pushes, a \
        project's repository, container registry or package registry without a user account.

        **Fix:** revoke it (Settings → Repository → Deploy tokens), create a replacement with only \
        the scopes needed, and keep it in the deployment's secret store.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=gldt-qD74XsutsIfptJS5zO7_\n", fileName: ".env"),
            .triggers("token: 'gldt-qD74XsutsIfptJS5zO7_'\n", fileName: "deploy.yml"),
            .passes("GITLAB_TOKEN=gldt-qD74XsutsIfpt\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=gldt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gldt-"], regex: #"\b(gldt-[\w-]{20})(?![\w-])"#, minEntropy: 3.5
    )
}
