import RampartCore

enum DopplerServiceToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "doppler-service-token", title: "Doppler service token",
        documentation: """
        A Doppler service token (`dp.st.`, an optional config name and 43 characters) reads, and \
        with write access changes, every secret of one Doppler config: the very secrets it was meant \
        to keep out of the repository.

        **Fix:** revoke it (the config → Access → Service tokens) and supply its replacement through \
        the platform's secret store or a Doppler integration.
        """,
        examples: [
            .triggers("DOPPLER_TOKEN=dp.st.0JzkZrmEOAbPqmSJzSPikbwjfpY8i3Ws7PQ5BUIshka\n", fileName: ".env"),
            .triggers("ENV DOPPLER_TOKEN=dp.st.prd.0JzkZrmEOAbPqmSJzSPikbwjfpY8i3Ws7PQ5BUIshka\n", fileName: "Dockerfile"),
            .passes("DOPPLER_TOKEN=dp.st.0JzkZrmEOAbPqmSJzSPikbwjf\n", fileName: ".env"),
            .passes("DOPPLER_TOKEN=dp.st.prd.00000000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dp.st."], regex: #"\b(dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{43})\b"#,
        minEntropy: 3.5
    )
}
