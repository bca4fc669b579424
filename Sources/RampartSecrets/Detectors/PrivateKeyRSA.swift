import RampartCore

enum PrivateKeyRSA: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-rsa", title: "RSA private key (PKCS #1)", severity: .critical,
        documentation: """
        A PEM block `-----BEGIN RSA PRIVATE KEY-----` holds an RSA private key in the traditional \
        PKCS #1 format, possibly passphrase-protected (`Proc-Type: 4,ENCRYPTED`): whoever has it can \
        impersonate the TLS server, SSH user, GitHub App or signer that the key stands for.

        **Fix:** treat the key as compromised: revoke or replace it wherever it is trusted \
        (certificates, authorized_keys, deploy keys, cloud key pairs), then keep private keys in a \
        secrets manager, an HSM or the platform's key store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAkbpnxwRrQrrguvKnbvBTfL7o+XTyY7zaMaGvz13B8e4LcF66\nrNDslV84LJOzw+uXokx0wO2NfmWZNV9Wxv6cRwW1iFZwTekWwpRqmpu/XwH9/3x2\nHdy2wghlJlFzonvQRI7bQQlw0lmD588PEBe9zI4zy6BnTzO3lu+KnKhGijMvSusv\nACzGkcNIsSPpGevdeqzQIQUvxfLdnnTmxd6lMoQ4+cw9rGOedWiiZPM0d6/N7J7e\n-----END RSA PRIVATE KEY-----\n", fileName: "id_key.pem"),
            .triggers("SIGNING_KEY=\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEAkbpnxwRrQrrguvKnbvBTfL7o+XTyY7zaMaGvz13B8e4LcF66\\nrNDslV84LJOzw+uXokx0wO2NfmWZNV9Wxv6cRwW1iFZwTekWwpRqmpu/XwH9/3x2\\nHdy2wghlJlFzonvQRI7bQQlw0lmD588PEBe9zI4zy6BnTzO3lu+KnKhGijMvSusv\\nACzGkcNIsSPpGevdeqzQIQUvxfLdnnTmxd6lMoQ4+cw9rGOedWiiZPM0d6/N7J7e\\n-----END RSA PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN RSA PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("-----BEGIN RSA PUBLIC KEY-----\nMIIEpAIBAAKCAQEAkbpnxwRrQrrguvKnbvBTfL7o+XTyY7zaMaGvz13B8e4LcF66\nrNDslV84LJOzw+uXokx0wO2NfmWZNV9Wxv6cRwW1iFZwTekWwpRqmpu/XwH9/3x2\nHdy2wghlJlFzonvQRI7bQQlw0lmD588PEBe9zI4zy6BnTzO3lu+KnKhGijMvSusv\nACzGkcNIsSPpGevdeqzQIQUvxfLdnnTmxd6lMoQ4+cw9rGOedWiiZPM0d6/N7J7e\n-----END RSA PUBLIC KEY-----\n", fileName: "id_rsa.pub.pem"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin rsa private key-----"],
        regex: #"-----BEGIN[ ]RSA[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]RSA[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
