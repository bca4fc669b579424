import RampartCore

enum GitLabSCIMToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-scim-token", title: "GitLab SCIM token",
        documentation: """
        A GitLab SCIM token (`glsoat-` and 20 characters) lets an identity provider create, update \
        and deprovision the members of a GitLab group through SCIM: a holder can add accounts to the \
        organisation.

        **Fix:** reset the SCIM token (the group → Settings → SAML SSO → SCIM token) and update the \
        identity provider with the new one.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glsoat-kgxK6cg1pjEVP0y3b-qb\n", fileName: ".env"),
            .triggers("token: 'glsoat-kgxK6cg1pjEVP0y3b-qb'\n", fileName: "scim.yml"),
            .passes("GITLAB_TOKEN=glsoat-kgxK6cg1p\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glsoat-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glsoat-"], regex: #"\b(glsoat-[\w-]{20})(?![\w-])"#, minEntropy: 3.5
    )
}
