import RampartCore

enum GitLabRunnerRegistrationToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gitlab-runner-registration-token", title: "GitLab runner registration token",
        documentation: """
        A legacy GitLab runner registration token (`GR1348941` and 20 characters) registers new \
        runners with an instance, group or project; a rogue runner then receives jobs together with \
        their source code and CI/CD variables.

        **Fix:** reset the registration token (Settings → CI/CD → Runners), migrate to runner \
        authentication tokens created in the UI, and keep tokens out of repositories.
        """,
        examples: [
            .triggers("REGISTRATION_TOKEN=GR1348941J2e-D6E66sESyvD_qtbu\n", fileName: ".env"),
            .triggers("gitlab-runner register --url https://gitlab.com --registration-token GR1348941J2e-D6E66sESyvD_qtbu\n", fileName: "register.sh"),
            .passes("REGISTRATION_TOKEN=GR1348941J2e-D6E66\n", fileName: ".env"),
            .passes("REGISTRATION_TOKEN=GR1348941xxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["gr1348941"], regex: #"\b(GR1348941[\w-]{20})(?![\w-])"#, minEntropy: 3.5
    )
}
