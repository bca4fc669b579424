import RampartCore

enum DigitalOceanPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "digitalocean-pat", title: "DigitalOcean personal access token", severity: .critical,
        documentation: """
        A DigitalOcean personal access token (`dop_v1_` and 64 hex digits) calls the DigitalOcean \
        API as its owner with its read or write scopes: Droplets, Kubernetes clusters, databases, \
        Spaces keys and DNS of the team.

        **Fix:** delete the token (API → Tokens), check the team's security history, and keep its \
        replacement in a CI secret or secrets manager.
        """,
        examples: [
            .triggers("DIGITALOCEAN_TOKEN=dop_v1_df98ae2fd1771d4cba5d42d6203965575b823f2fc1578a4684df2a75fac6c8fd\n", fileName: ".env"),
            .triggers("provider \"digitalocean\" {\n  token = \"dop_v1_df98ae2fd1771d4cba5d42d6203965575b823f2fc1578a4684df2a75fac6c8fd\"\n}\n", fileName: "main.tf"),
            .passes("DIGITALOCEAN_TOKEN=dop_v1_df98ae2fd1771d4cba5d42d6203965575b823f2fc1578a\n", fileName: ".env"),
            .passes("DIGITALOCEAN_TOKEN=dop_v1_DF98AE2FD1771D4CBA5D42D6203965575B823F2FC1578A4684DF2A75FAC6C8FZ\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dop_v1_"], regex: #"\b(dop_v1_[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
