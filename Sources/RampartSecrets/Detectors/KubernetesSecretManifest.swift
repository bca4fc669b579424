import RampartCore

enum KubernetesSecretManifest: SecretRule {
    static let metadata = RuleMetadata.secret(
        "kubernetes-secret-manifest", title: "Kubernetes Secret with data",
        documentation: """
        A Kubernetes `kind: Secret` manifest with `data:` (base 64) or `stringData:` values holds \
        the secrets themselves: base 64 is an encoding, not encryption, so anyone who reads the file \
        has the database passwords, API keys or TLS keys the Secret provides. Rampart reports the \
        first substantial value of each manifest; Sealed Secrets and SOPS-encrypted files are not \
        reported.

        **Fix:** rotate the values, remove the manifest from the repository, and generate Secrets at \
        deploy time from a secrets manager (External Secrets Operator, Sealed Secrets, SOPS, Vault) \
        instead of committing them.
        """,
        examples: [
            .triggers("apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\ntype: Opaque\ndata:\n  username: c3ZjLW9yZGVycw==\n  password: WFFlakp2OXlMMEVzYW1NazRSMWdQd0Zl\n", fileName: "secret.yaml"),
            .triggers("kind: Secret\napiVersion: v1\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: 'Rq8Wz3Lk7Tn2Vx5MPz9Hd4Bc'\n", fileName: "api-secret.yml"),
            .passes("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: orders-db\nspec:\n  encryptedData:\n    password: AgBy8hCi8Wq3Lz7Rv2Tn5X9Kp4Nw2Lx7Tz3Qa8Vb6Mc1Nd5Pe0Rf4Sg9Th\n", fileName: "sealed.yaml"),
            .passes("apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\ndata:\n  password: {{ .Values.dbPassword | b64enc }}\n", fileName: "secret.yaml"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["kind: secret", "kind: \"secret\"", "kind: 'secret'"],
        regex: #"\bkind:[ \t]*["']?Secret["']?[ \t]*\r?\n(?:[^\n]*\n){0,40}?(?:data|stringData):[ \t]*\r?\n(?:[ \t]+[^\n]*\n){0,50}?[ \t]+[\w.-]+:[ \t]*["']?(?<secret>[A-Za-z0-9+/=_.~!@%^*-]{16,})["']?[ \t]*(?:#[^\n]*)?(?=\r?\n|$)"#,
        minEntropy: 3.0, multiline: true
    )
}
