import RampartCore

enum SonarQubeTokenLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sonarqube-token-legacy", title: "SonarQube or SonarCloud legacy token", confidence: .medium,
        documentation: """
        SonarQube before 9.5 and SonarCloud issue tokens of 40 hex digits without a prefix. Rampart \
        reports one assigned to a Sonar name such as `SONAR_TOKEN` or `sonar.login`; it acts as its \
        user on the web API.

        **Fix:** revoke the token (My account → Security) and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("SONAR_TOKEN=aa150d64b084ad35a707ff533a5a5d40ca071386\n", fileName: ".env"),
            .triggers("sonar.login=aa150d64b084ad35a707ff533a5a5d40ca071386\n", fileName: "sonar-project.properties"),
            .passes("SONAR_SCANNER_VERSION=aa150d64b084ad35a707ff533a5a5d40ca071386\n", fileName: ".env"),
            .passes("SONAR_TOKEN=aa150d64b084ad35a707ff533\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sonar"],
        regex: #"(?i:sonar(?:qube|cloud)?[\w.-]{0,10}(?:token|login))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
