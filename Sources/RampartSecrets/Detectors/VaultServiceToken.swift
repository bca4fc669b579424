import RampartCore

enum VaultServiceToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vault-service-token", title: "HashiCorp Vault service token",
        documentation: """
        A HashiCorp Vault service token (`hvs.` and at least 24 characters) authenticates to Vault \
        with the token's policies until it expires or is revoked; a root or broadly-scoped token \
        reads every secret engine the policies allow.

        **Fix:** revoke it (`vault token revoke`, or revoke its accessor), check the audit device \
        for its use, and let workloads log in with an auth method (AppRole, Kubernetes, cloud IAM) \
        to get short-lived tokens.
        """,
        examples: [
            .triggers("VAULT_TOKEN=hvs.fACBjkjJpWaD7pfeElhVozma\n", fileName: ".env"),
            .triggers("client = hvac.Client(url=VAULT_ADDR, token=\"hvs.CAESIpJ-wVosf-la85LNVYVOlnStS8uVvQBSn0jYDBEu5sOgnRV3RLTzIeB8ZjwlQuEGzGkYYJypehAI5tohA0KlkG8uO3e\")\n", fileName: "vault.py"),
            .passes("VAULT_TOKEN=hvs.fACBjkjJpWaD7pf\n", fileName: ".env"),
            .passes("VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hvs."], regex: #"\b(hvs\.[A-Za-z0-9_-]{24,300})(?![\w-])"#, minEntropy: 3.5
    )
}
