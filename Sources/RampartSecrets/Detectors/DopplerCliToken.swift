import RampartCore

enum DopplerCliToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "doppler-cli-token", title: "Doppler CLI token",
        documentation: """
        A Doppler CLI token (`dp.ct.` and 43 characters) is the token `doppler login` stores for a \
        user on a machine; it has the user's access to every project and config.

        **Fix:** revoke it (`doppler configure revoke`, or Account → Tokens), and do not copy the \
        CLI configuration into repositories or images.
        """,
        examples: [
            .triggers("DOPPLER_TOKEN=dp.ct.UWdw4n9tIyL2Q2IB5foo7sMhGXvh7hJmTQcVHOFFXO4\n", fileName: ".env"),
            .triggers("scoped:\n  /:\n    token: dp.ct.UWdw4n9tIyL2Q2IB5foo7sMhGXvh7hJmTQcVHOFFXO4\n", fileName: ".doppler.yaml"),
            .passes("DOPPLER_TOKEN=dp.ct.UWdw4n9tIyL2Q2IB5foo\n", fileName: ".env"),
            .passes("DOPPLER_TOKEN=dp.ct.0000000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dp.ct."], regex: #"\b(dp\.ct\.[A-Za-z0-9]{43})\b"#, minEntropy: 3.5
    )
}
