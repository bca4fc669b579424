import RampartCore

enum GitLabOAuthAppSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-oauth-app-secret", title: "GitLab OAuth application secret",
        documentation: """
        A GitLab OAuth application secret (`gloas-` and 64 characters) lets its holder complete \
        OAuth flows as the application, obtaining tokens for users who authorise it.

        **Fix:** renew the secret (the application's settings → Renew secret), update the \
        application's configuration, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=gloas-iTwHv4Rol_7SJGAljPjqVCw7F3EnoYaXwoqXeIFdnFUMGoMLRYmGqqX-AvOnObB0\n", fileName: ".env"),
            .triggers("token: 'gloas-iTwHv4Rol_7SJGAljPjqVCw7F3EnoYaXwoqXeIFdnFUMGoMLRYmGqqX-AvOnObB0'\n", fileName: "omniauth.yml"),
            .passes("GITLAB_TOKEN=gloas-iTwHv4Rol_7SJGAljPjqVCw7F3EnoYaXwoqXeI\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=gloas-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gloas-"], regex: #"\b(gloas-[\w-]{64})(?![\w-])"#, minEntropy: 3.5
    )
}
