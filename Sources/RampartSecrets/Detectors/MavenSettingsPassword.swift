import RampartCore

enum MavenSettingsPassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "maven-settings-password", title: "Password in Maven settings or POM", confidence: .medium,
        documentation: """
        A plain-text `<password>` element in Maven's `settings.xml` (or another XML build file) logs \
        in to an artifact repository such as Nexus or Artifactory: reading private artifacts or \
        deploying new ones. Values encrypted with Maven's master password (`{…}`) and property \
        references (`${…}`) are not reported.

        **Fix:** change the password at the repository, encrypt server passwords with `mvn \
        --encrypt-password` or read them from the environment (`${env.REPO_PASSWORD}`), and keep \
        `settings.xml` out of the repository.
        """,
        examples: [
            .triggers("<servers>\n  <server>\n    <id>nexus</id>\n    <username>deployer</username>\n    <password>W7qLx2Rv9KpT4nZs</password>\n  </server>\n</servers>\n", fileName: "settings.xml"),
            .triggers("<server><id>releases</id><username>ci</username><password>h3Nq8Vz2Lr5Tx9Wp</password></server>\n", fileName: "pom.xml"),
            .passes("<server>\n  <password>${env.NEXUS_PASSWORD}</password>\n</server>\n", fileName: "settings.xml"),
            .passes("<server>\n  <password>{COQLCE6DU6GtcS5P=}</password>\n</server>\n", fileName: "settings.xml"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["<password>"], regex: #"<password>\s*(?<secret>[^<{$\s][^<\s]{5,200})\s*</password>"#,
        minEntropy: 2.5
    )
}
