import RampartCore

enum PrivateKeyEC: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-ec", title: "EC private key (SEC 1)", severity: .critical,
        documentation: """
        A PEM block `-----BEGIN EC PRIVATE KEY-----` holds an elliptic-curve private key (SEC 1 \
        format): it signs TLS handshakes, JWTs (ES256), Apple push and App Store Connect requests or \
        cloud API calls as whatever the key identifies.

        **Fix:** treat the key as compromised: revoke or replace it wherever it is trusted \
        (certificates, authorized_keys, deploy keys, cloud key pairs), then keep private keys in a \
        secrets manager, an HSM or the platform's key store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIxGOsr7ohKeIBi6ofM9xstE+IVu1cqgC57f/8+9j7erEmbbCXvoO62uD\nFdhfDyeBZe5pUWwHolJ0hpKAKqVomIN6TsyhOqMML1hKKO9xA8/fN0F5w32FEZ3I\nMiEIhZ++bHGymZOnCVZxCfWWgUdC80DKyE/qkdNhCHZ3vJPxSGnhWISoHW0/rlAd\n-----END EC PRIVATE KEY-----\n", fileName: "id_key.pem"),
            .triggers("SIGNING_KEY=\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIxGOsr7ohKeIBi6ofM9xstE+IVu1cqgC57f/8+9j7erEmbbCXvoO62uD\\nFdhfDyeBZe5pUWwHolJ0hpKAKqVomIN6TsyhOqMML1hKKO9xA8/fN0F5w32FEZ3I\\nMiEIhZ++bHGymZOnCVZxCfWWgUdC80DKyE/qkdNhCHZ3vJPxSGnhWISoHW0/rlAd\\n-----END EC PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN EC PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n", fileName: "params.pem"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin ec private key-----"],
        regex: #"-----BEGIN[ ]EC[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]EC[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
