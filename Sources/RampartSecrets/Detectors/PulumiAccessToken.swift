import RampartCore

enum PulumiAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pulumi-access-token", title: "Pulumi access token",
        documentation: """
        A Pulumi Cloud access token (`pul-` and 40 hex digits) acts as its user, team or \
        organisation: it reads stack state, which contains every decrypted output and often provider \
        credentials, and runs updates.

        **Fix:** delete the token (Settings → Access tokens), and use OIDC-issued tokens or a CI \
        secret for its replacement.
        """,
        examples: [
            .triggers("PULUMI_ACCESS_TOKEN=pul-57b214ec864e64ad4408a1e5f735d259d9da0e2e\n", fileName: ".env"),
            .triggers("env:\n  PULUMI_ACCESS_TOKEN: pul-57b214ec864e64ad4408a1e5f735d259d9da0e2e\n", fileName: "pulumi.yml"),
            .passes("PULUMI_ACCESS_TOKEN=pul-57b214ec864e64ad4408a1e5\n", fileName: ".env"),
            .passes("PULUMI_ACCESS_TOKEN=pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pul-"], regex: #"\b(pul-[a-f0-9]{40})\b"#, minEntropy: 3.0
    )
}
