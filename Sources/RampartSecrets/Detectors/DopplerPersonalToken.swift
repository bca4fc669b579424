import RampartCore

enum DopplerPersonalToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "doppler-personal-token", title: "Doppler personal token",
        documentation: """
        A Doppler personal token (`dp.pt.` and 43 characters) acts as the Doppler user on every \
        workplace project and config they can access, reading and writing all their secrets.

        **Fix:** revoke it (Account → Tokens, or `doppler configure revoke`), and use service tokens \
        scoped to one config, stored in the platform's secret store.
        """,
        examples: [
            .triggers("DOPPLER_TOKEN=dp.pt.3dGPKB7jD29NE1q2ZNIbv2pt8bfMHkIzXFFmgmQXqW4\n", fileName: ".env"),
            .triggers("doppler_token = \"dp.pt.3dGPKB7jD29NE1q2ZNIbv2pt8bfMHkIzXFFmgmQXqW4\"\n", fileName: "settings.py"),
            .passes("DOPPLER_TOKEN=dp.pt.3dGPKB7jD29NE1q2ZNIbv2p\n", fileName: ".env"),
            .passes("DOPPLER_TOKEN=dp.pt.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dp.pt."], regex: #"\b(dp\.pt\.[A-Za-z0-9]{43})\b"#, minEntropy: 3.5
    )
}
