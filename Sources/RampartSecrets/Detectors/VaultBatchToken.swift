import RampartCore

enum VaultBatchToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vault-batch-token", title: "HashiCorp Vault batch token",
        documentation: """
        A HashiCorp Vault batch token (`hvb.` and an encrypted blob) carries its own policies and \
        expiry; it cannot be renewed, but until its TTL runs out it reads whatever those policies \
        allow, and it is not listed by token lookups.

        **Fix:** batch tokens cannot be revoked individually: revoke the parent token or the auth \
        method's lease, shorten the TTL of the role that issued it, and keep tokens out of files.
        """,
        examples: [
            .triggers("VAULT_TOKEN=hvb.AAAAAQz_Ro-dpLjDh-Ya2JjffN_BNOqhxbWzRzvCLBGHpqLIoFVq4ICe-9TcyQpm-XnmXjZBxwGUvWUKmOQr15yZKa59ZezOLkVrOPMB2_VJeHsAXfeBRqDrPXwek5N0PzRkMiTs\n", fileName: ".env"),
            .triggers("vault:\n  token: hvb.AAAAAQz_Ro-dpLjDh-Ya2JjffN_BNOqhxbWzRzvCLBGHpqLIoFVq4ICe-9TcyQpm-XnmXjZBxwGUvWUKmOQr15yZKa59ZezOLkVrOPMB2_VJeHsAXfeBRqDrPXwek5N0PzRkMiTs\n", fileName: "config.yml"),
            .passes("VAULT_TOKEN=hvb.AAAAAQz_Ro-dpLjDh-Ya2JjffN\n", fileName: ".env"),
            .passes("Tokens starting with hvb. are batch tokens.\n", fileName: "NOTES.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hvb."], regex: #"\b(hvb\.[A-Za-z0-9_-]{100,1000})(?![\w-])"#, minEntropy: 4.0
    )
}
