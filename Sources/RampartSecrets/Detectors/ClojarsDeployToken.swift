import RampartCore

enum ClojarsDeployToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "clojars-deploy-token", title: "Clojars deploy token",
        documentation: """
        A Clojars deploy token (`CLOJARS_` and 60 characters) deploys artifacts to the Clojars \
        repository as its user, within the token's group or artifact scope.

        **Fix:** disable the token (clojars.org → Deploy tokens), check the artifacts' versions, and \
        keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("CLOJARS_PASSWORD=CLOJARS_0x95g9psembhu5g93l1xbeehvp7s876zg1hpc1crriya9rhuvur1k3tyj8gw\n", fileName: ".env"),
            .triggers(":deploy-repositories [[\"clojars\" {:username \"acme\" :password \"CLOJARS_0x95g9psembhu5g93l1xbeehvp7s876zg1hpc1crriya9rhuvur1k3tyj8gw\"}]]\n", fileName: "project.clj"),
            .passes("CLOJARS_PASSWORD=CLOJARS_0x95g9psembhu5g93l1xbeeh\n", fileName: ".env"),
            .passes("CLOJARS_PASSWORD=CLOJARS_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["clojars_"], regex: #"\b(CLOJARS_[a-z0-9]{60})\b"#, minEntropy: 3.5
    )
}
