import RampartCore

enum OnePasswordServiceAccountToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "1password-service-account-token", title: "1Password service account token",
        documentation: """
        A 1Password service account token (`ops_eyJ…`, a long base-64 JSON document) signs in as a \
        service account and reads, or writes, the items of every vault the account was granted: \
        often the organisation's most sensitive credentials.

        **Fix:** revoke the token (Developer → Service accounts → the account → Revoke), create a \
        new one limited to the vaults it needs, and supply it through the CI's secret store.
        """,
        examples: [
            .triggers("OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjogImFjbWUuMXBhc3N3b3JkLmNvbSIsICJ1c2VyQXV0aCI6IHsibWV0aG9kIjogIlNSUGctNDA5NiIsICJhbGciOiAiUEJFUzJnLUhTMjU2IiwgIml0ZXJhdGlvbnMiOiA2NTAwMDAsICJzYWx0IjogImpOMmIxWmVHS0lDTzJibWpGNWxkREgifSwgImVtYWlsIjogInpmdnp2dHl2b3g1OUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwgInNycFgiOiAiYWNmNmNhNTMyZjgxMzA3YTQxM2MzM2U4YTZlMzEwYWUxOWE2MGQ0NzllMWVhNGM4Mzg2MWU3Njk5MjM3ZDA2YyIsICJtdWsiOiB7ImFsZyI6ICJBMjU2R0NNIiwgImV4dCI6IHRydWUsICJrIjogIk1kYkJRTDBSOEhRemdoMllyaEFsY282SG93YTF6VVNIUUd1U2RlMTlDM2YiLCAia2V5X29wcyI6IFsiZW5jcnlwdCIsICJkZWNyeXB0Il0sICJrdHkiOiAib2N0IiwgImtpZCI6ICJtcCJ9LCAic2VjcmV0S2V5IjogIkEzLVZONzBSWC1YUzVKRlIiLCAiZGV2aWNlVXVpZCI6ICJpZDZmeGpobGZ0dXJpbW04dDc4emVzZ3ZjYiJ9\n", fileName: ".env"),
            .triggers("env:\n  OP_SERVICE_ACCOUNT_TOKEN: ops_eyJzaWduSW5BZGRyZXNzIjogImFjbWUuMXBhc3N3b3JkLmNvbSIsICJ1c2VyQXV0aCI6IHsibWV0aG9kIjogIlNSUGctNDA5NiIsICJhbGciOiAiUEJFUzJnLUhTMjU2IiwgIml0ZXJhdGlvbnMiOiA2NTAwMDAsICJzYWx0IjogImpOMmIxWmVHS0lDTzJibWpGNWxkREgifSwgImVtYWlsIjogInpmdnp2dHl2b3g1OUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwgInNycFgiOiAiYWNmNmNhNTMyZjgxMzA3YTQxM2MzM2U4YTZlMzEwYWUxOWE2MGQ0NzllMWVhNGM4Mzg2MWU3Njk5MjM3ZDA2YyIsICJtdWsiOiB7ImFsZyI6ICJBMjU2R0NNIiwgImV4dCI6IHRydWUsICJrIjogIk1kYkJRTDBSOEhRemdoMllyaEFsY282SG93YTF6VVNIUUd1U2RlMTlDM2YiLCAia2V5X29wcyI6IFsiZW5jcnlwdCIsICJkZWNyeXB0Il0sICJrdHkiOiAib2N0IiwgImtpZCI6ICJtcCJ9LCAic2VjcmV0S2V5IjogIkEzLVZONzBSWC1YUzVKRlIiLCAiZGV2aWNlVXVpZCI6ICJpZDZmeGpobGZ0dXJpbW04dDc4emVzZ3ZjYiJ9\n", fileName: "release.yml"),
            .passes("OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjogImFjbWUuMXBhc3N3b3JkLmNvbSIs\n", fileName: ".env"),
            .passes("OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ops_eyj"], regex: #"\b(ops_eyJ[A-Za-z0-9+/_-]{250,}={0,2})"#, minEntropy: 4.5
    )
}
