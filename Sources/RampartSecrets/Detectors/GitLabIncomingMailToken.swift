import RampartCore

enum GitLabIncomingMailToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-incoming-mail-token", title: "GitLab incoming e-mail token",
        documentation: """
        A GitLab incoming e-mail token (`glimt-` and 25 characters) is part of the personal \
        addresses that create issues and merge requests by e-mail as the user.

        **Fix:** reset it (User settings → Access tokens → Incoming email token) and do not share \
        the e-mail addresses that contain it.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glimt-lxS6IP8zOXIPurRAPotvKdlrK\n", fileName: ".env"),
            .triggers("token: 'glimt-lxS6IP8zOXIPurRAPotvKdlrK'\n", fileName: "mail.yml"),
            .passes("GITLAB_TOKEN=glimt-lxS6IP8zOXIPu\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glimt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glimt-"], regex: #"\b(glimt-[\w-]{25})(?![\w-])"#, minEntropy: 3.5
    )
}
