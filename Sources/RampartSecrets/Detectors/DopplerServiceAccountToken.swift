import RampartCore

enum DopplerServiceAccountToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "doppler-service-account-token", title: "Doppler service account token",
        documentation: """
        A Doppler service account token (`dp.sa.` and 43 characters) acts as a service account with \
        its workplace role and project access, typically reading the secrets of many projects and \
        environments.

        **Fix:** revoke the token (Team → Service accounts → the account → API tokens), narrow the \
        account's project roles, and keep its replacement in the CI's secret store.
        """,
        examples: [
            .triggers("DOPPLER_TOKEN=dp.sa.tcWn3RtmOR3yGWxoVKxUnGLmu9Ck5NjCWqdnLt884F8\n", fileName: ".env"),
            .triggers("doppler:\n  token: dp.sa.tcWn3RtmOR3yGWxoVKxUnGLmu9Ck5NjCWqdnLt884F8\n", fileName: "values.yaml"),
            .passes("DOPPLER_TOKEN=dp.sa.tcWn3RtmOR3yGWxoVKxUnG\n", fileName: ".env"),
            .passes("DOPPLER_TOKEN=dp.sa.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dp.sa."], regex: #"\b(dp\.sa\.[A-Za-z0-9]{43})\b"#, minEntropy: 3.5
    )
}
