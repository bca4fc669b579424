import RampartCore

enum CratesIOAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "crates-io-api-token", title: "crates.io API token",
        documentation: """
        A crates.io API token (`cio` and 32 characters) publishes and yanks crates as its owner, \
        within the token's scopes and crate patterns: a leaked token lets an attacker publish \
        malicious versions.

        **Fix:** revoke the token (crates.io → Account settings → API tokens), check the crates' \
        versions, and use trusted publishing or a scoped token kept as a CI secret.
        """,
        examples: [
            .triggers("CARGO_REGISTRY_TOKEN=cionSL5Rq6vyIBQpaVLwZMsYCZKXueDQZyv\n", fileName: ".env"),
            .triggers("[registry]\ntoken = \"cionSL5Rq6vyIBQpaVLwZMsYCZKXueDQZyv\"\n", fileName: "credentials.toml"),
            .passes("CARGO_REGISTRY_TOKEN=cionSL5Rq6vyIBQpaVLw\n", fileName: ".env"),
            .passes("CARGO_REGISTRY_TOKEN=cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cio"], regex: #"\b(cio[A-Za-z0-9]{32})\b"#, minEntropy: 3.5
    )
}
