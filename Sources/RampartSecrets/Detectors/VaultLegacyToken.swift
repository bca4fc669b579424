import RampartCore

enum VaultLegacyToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vault-legacy-token", title: "HashiCorp Vault legacy token", confidence: .medium,
        documentation: """
        Before Vault 1.10, service tokens were `s.` followed by 24 characters (batch tokens `b.`). \
        Rampart reports one assigned to a Vault name such as `VAULT_TOKEN`; it reads whatever its \
        policies allow until it expires or is revoked.

        **Fix:** revoke the token (`vault token revoke`), check the audit log, and use an auth \
        method to obtain short-lived tokens at run time.
        """,
        examples: [
            .triggers("VAULT_TOKEN=s.dVQ6oNCmAQrSA4nvn79rrpDt\n", fileName: ".env"),
            .triggers("vault_token: 's.dVQ6oNCmAQrSA4nvn79rrpDt'\n", fileName: "group_vars.yml"),
            .passes("VAULT_TOKEN=s.dVQ6oNCmAQrSA4nvn79\n", fileName: ".env"),
            .passes("VAULT_NAMESPACE=s.dVQ6oNCmAQrSA4nvn79rrpDt\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["vault"],
        regex: #"(?i:vault[\w.-]{0,10}token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[sb]\.[A-Za-z0-9]{24})(?![\w.-])"#,
        minEntropy: 3.5
    )
}
