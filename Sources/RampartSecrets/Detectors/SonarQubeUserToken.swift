import RampartCore

enum SonarQubeUserToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sonarqube-user-token", title: "SonarQube user token",
        documentation: """
        A SonarQube or SonarCloud user token (`squ_` and 40 hex digits) calls the web API as its \
        user: running analyses, reading source code and issues of every project the user can browse, \
        and administering what the user administers.

        **Fix:** revoke the token (My account → Security), and use project analysis tokens stored as \
        CI secrets for pipelines.
        """,
        examples: [
            .triggers("SONAR_TOKEN=squ_9435afb719ae078967a65b0191a5a655e3db05d3\n", fileName: ".env"),
            .triggers("sonar.token=squ_9435afb719ae078967a65b0191a5a655e3db05d3\n", fileName: "sonar-project.properties"),
            .passes("SONAR_TOKEN=squ_9435afb719ae078967a65b0191a5\n", fileName: ".env"),
            .passes("SONAR_TOKEN=squ_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["squ_"], regex: #"\b(squ_[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
