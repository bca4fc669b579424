import RampartCore

enum PrivateKeyPGP: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-pgp", title: "PGP private key block", severity: .critical,
        documentation: """
        An armored `-----BEGIN PGP PRIVATE KEY BLOCK-----` holds OpenPGP secret keys: they sign \
        commits, releases and packages (apt and rpm repositories, Maven Central) and decrypt mail \
        and files encrypted to their owner, usually behind a passphrase that may be weak or stored \
        nearby.

        **Fix:** revoke the key (publish a revocation certificate to key servers and the places that \
        trust it), create a new key, and keep signing keys in a hardware token or the CI's secret \
        store.
        """,
        examples: [
            .triggers("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGYx6FDlt59Wu2H1lp6sr5N3W5aHBcwsXQIvrRl1b14Y/0ROXbgw00AbBlH9\nvXtzdlctl2oRQ+p5FwUtPi7ZRi2m61UExXU3lVlKML49waZZXKOXjTdSE17nwhbD\nj6t7xNgurgrYqM88DvTfm9pXtKIC2+3lRxLjFwP0h2/j3cqgN6i9D7hxq07hA/mR\n=Kq2V\n-----END PGP PRIVATE KEY BLOCK-----\n", fileName: "signing.asc"),
            .triggers("-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: release signing\n\nlQOYBGYx6FDlt59Wu2H1lp6sr5N3W5aHBcwsXQIvrRl1b14Y/0ROXbgw00AbBlH9\nvXtzdlctl2oRQ+p5FwUtPi7ZRi2m61UExXU3lVlKML49waZZXKOXjTdSE17nwhbD\nj6t7xNgurgrYqM88DvTfm9pXtKIC2+3lRxLjFwP0h2/j3cqgN6i9D7hxq07hA/mR\n-----END PGP PRIVATE KEY BLOCK-----\n", fileName: "release.key"),
            .passes("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nlQOYBGYx6FDlt59Wu2H1lp6sr5N3W5aHBcwsXQIvrRl1b14Y/0ROXbgw00AbBlH9\nvXtzdlctl2oRQ+p5FwUtPi7ZRi2m61UExXU3lVlKML49waZZXKOXjTdSE17nwhbD\nj6t7xNgurgrYqM88DvTfm9pXtKIC2+3lRxLjFwP0h2/j3cqgN6i9D7hxq07hA/mR\n-----END PGP PUBLIC KEY BLOCK-----\n", fileName: "public.asc"),
            .passes("-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin pgp private key block-----"],
        regex: #"-----BEGIN[ ]PGP[ ]PRIVATE[ ]KEY[ ]BLOCK-----(?:\s|\\[nr])+(?:[A-Za-z-]+:[^\n\\]*(?:\\n|\r?\n))*(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]PGP[ ]PRIVATE[ ]KEY[ ]BLOCK-----"#,
        multiline: true
    )
}
