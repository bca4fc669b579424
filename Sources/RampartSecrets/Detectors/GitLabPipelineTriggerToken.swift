import RampartCore

enum GitLabPipelineTriggerToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-pipeline-trigger-token", title: "GitLab pipeline trigger token",
        documentation: """
        A GitLab pipeline trigger token (`glptt-` and 40 hex digits) starts pipelines of a project \
        on any branch or tag, with variables of the caller's choosing, as the user who owns it.

        **Fix:** revoke it (the project → Settings → CI/CD → Pipeline trigger tokens) and keep its \
        replacement in the calling system's secret store.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glptt-49f88b5a8683090e16ce1dd9a47ffb06a4fc4044\n", fileName: ".env"),
            .triggers("curl -X POST -F token=glptt-49f88b5a8683090e16ce1dd9a47ffb06a4fc4044 -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline\n", fileName: "trigger.sh"),
            .passes("GITLAB_TOKEN=glptt-49f88b5a8683090e16ce1dd9a47ff\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glptt-"], regex: #"\b(glptt-[0-9a-f]{40})(?![\w-])"#, minEntropy: 3.0
    )
}
