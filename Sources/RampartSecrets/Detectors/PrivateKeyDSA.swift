import RampartCore

enum PrivateKeyDSA: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-dsa", title: "DSA private key", severity: .critical,
        documentation: """
        A PEM block `-----BEGIN DSA PRIVATE KEY-----` holds a DSA private key, used by old SSH and \
        signing setups; whoever has it can sign as its owner, and DSA keys are weak by today's \
        standards as well.

        **Fix:** treat the key as compromised: revoke or replace it wherever it is trusted \
        (certificates, authorized_keys, deploy keys, cloud key pairs), then keep private keys in a \
        secrets manager, an HSM or the platform's key store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQscs9u6SkKN3KsufHJXojONNKkTW6tcYMT200AsTr4HXKLJHPsZ\n/mUWjHeSTLf/adEOl9ONTPQ+a/nx7H9VDaJE0o+JvpqlY5xZiwIbhinkbO9Cdd7R\nondODofqZR+iiQdlp0WTmg8gQ1uUiYGvRpoHUxmVVqw5yOxmerPxK5cx+XlowZVE\n-----END DSA PRIVATE KEY-----\n", fileName: "id_key.pem"),
            .triggers("SIGNING_KEY=\"-----BEGIN DSA PRIVATE KEY-----\\nMIIBuwIBAAKBgQscs9u6SkKN3KsufHJXojONNKkTW6tcYMT200AsTr4HXKLJHPsZ\\n/mUWjHeSTLf/adEOl9ONTPQ+a/nx7H9VDaJE0o+JvpqlY5xZiwIbhinkbO9Cdd7R\\nondODofqZR+iiQdlp0WTmg8gQ1uUiYGvRpoHUxmVVqw5yOxmerPxK5cx+XlowZVE\\n-----END DSA PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN DSA PRIVATE KEY-----\n...\n-----END DSA PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN DSA PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("-----BEGIN DSA PRIVATE KEY-----\nMIIBuw\n-----END DSA PRIVATE KEY-----\n", fileName: "short.pem"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin dsa private key-----"],
        regex: #"-----BEGIN[ ]DSA[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]DSA[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
