import RampartCore

enum SonarQubeProjectToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sonarqube-project-token", title: "SonarQube project analysis token", severity: .medium,
        documentation: """
        A SonarQube project analysis token (`sqp_` and 40 hex digits) runs analyses for one project: \
        a holder can upload forged results that hide issues or break the quality gate.

        **Fix:** revoke the token (My account → Security) and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("SONAR_TOKEN=sqp_2e4a8ec799dc24f629406b330ee3aec1981568a2\n", fileName: ".env"),
            .triggers("mvn sonar:sonar -Dsonar.token=sqp_2e4a8ec799dc24f629406b330ee3aec1981568a2\n", fileName: "analyse.sh"),
            .passes("SONAR_TOKEN=sqp_2e4a8ec799dc24f629406b330\n", fileName: ".env"),
            .passes("SONAR_TOKEN=sqp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sqp_"], regex: #"\b(sqp_[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
