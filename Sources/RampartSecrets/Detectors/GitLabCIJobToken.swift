import RampartCore

enum GitLabCIJobToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-ci-job-token", title: "GitLab CI/CD job token",
        documentation: """
        A GitLab CI/CD job token (`glcbt-`) is valid while its job runs and acts with the job's user \
        on the projects in the job-token allow list: cloning, pulling packages and images, and \
        calling a subset of the API.

        **Fix:** job tokens expire with the job; make sure job logs and artifacts do not print \
        `CI_JOB_TOKEN`, and narrow the job token scope of the project.
        """,
        examples: [
            .triggers("GITLAB_TOKEN=glcbt-64_9TLGsAOlEUxhrhrs3uAz\n", fileName: ".env"),
            .triggers("token: 'glcbt-64_9TLGsAOlEUxhrhrs3uAz'\n", fileName: "job.yml"),
            .passes("GITLAB_TOKEN=glcbt-64_9TLGsAO\n", fileName: ".env"),
            .passes("GITLAB_TOKEN=glcbt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["glcbt-"], regex: #"\b(glcbt-[0-9a-fA-F]{1,5}_[\w-]{20,300})(?![\w-])"#, minEntropy: 3.5
    )
}
