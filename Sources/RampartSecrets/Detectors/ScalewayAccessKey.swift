import RampartCore

enum ScalewayAccessKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "scaleway-access-key", title: "Scaleway access key ID", severity: .medium,
        documentation: """
        A Scaleway access key ID (`SCW` and 17 characters) names an API key; alone it is not enough \
        to call the API, but its secret key (a UUID) is usually stored next to it.

        **Fix:** if the secret key may be exposed too, delete the API key (IAM → API keys) and \
        create a new one for an IAM application with only the policies it needs.
        """,
        examples: [
            .triggers("SCW_ACCESS_KEY=SCW7N3THDCCWRMCG92IO\n", fileName: ".env"),
            .triggers("access_key = \"SCW7N3THDCCWRMCG92IO\"\n", fileName: "provider.tf"),
            .passes("SCW_ACCESS_KEY=SCW7N3THDCCWRM\n", fileName: ".env"),
            .passes("SCW_ACCESS_KEY=SCWXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["scw"], regex: #"\b(SCW[A-Z0-9]{17})\b"#, minEntropy: 3.0
    )
}
