import RampartCore

enum SonarQubeGlobalAnalysisToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sonarqube-global-analysis-token", title: "SonarQube global analysis token",
        documentation: """
        A SonarQube global analysis token (`sqa_` and 40 hex digits) runs analyses on every project \
        of the instance and creates new ones: a holder can forge results instance-wide.

        **Fix:** revoke the token (My account → Security), prefer project analysis tokens, and keep \
        tokens as CI secrets.
        """,
        examples: [
            .triggers("SONAR_TOKEN=sqa_3b877267a50acaf5bb9f0f5968ce10e8c4167fc2\n", fileName: ".env"),
            .triggers("sonar:\n  login: sqa_3b877267a50acaf5bb9f0f5968ce10e8c4167fc2\n", fileName: "sonar.yml"),
            .passes("SONAR_TOKEN=sqa_3b877267a50acaf5bb9f0f\n", fileName: ".env"),
            .passes("SONAR_TOKEN=sqa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sqa_"], regex: #"\b(sqa_[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
