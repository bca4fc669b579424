import RampartCore

enum PrivateKeyPKCS8Encrypted: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-pkcs8-encrypted", title: "Encrypted private key (PKCS #8)", severity: .critical,
        documentation: """
        A PEM block `-----BEGIN ENCRYPTED PRIVATE KEY-----` holds a passphrase-protected PKCS #8 \
        private key. The passphrase is often stored nearby or weak enough to brute-force offline, \
        after which the key impersonates its owner like any private key.

        **Fix:** treat the key as compromised: revoke or replace it wherever it is trusted \
        (certificates, authorized_keys, deploy keys, cloud key pairs), then keep private keys in a \
        secrets manager, an HSM or the platform's key store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIPhlxtsalkAYqYp4b\n1kwL7NCWauvh6hRCjo4l7Q6wvG9VsZs6lWQ1TA24klbP1ee+eMF2IkkHCpVMdu/u\nAEJ+ayon50LSCKvpmipw0kPqEgkUACfEd2BaRRMLv6zn1MuLLpFRm70A49YLPu56\n-----END ENCRYPTED PRIVATE KEY-----\n", fileName: "id_key.pem"),
            .triggers("SIGNING_KEY=\"-----BEGIN ENCRYPTED PRIVATE KEY-----\\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIPhlxtsalkAYqYp4b\\n1kwL7NCWauvh6hRCjo4l7Q6wvG9VsZs6lWQ1TA24klbP1ee+eMF2IkkHCpVMdu/u\\nAEJ+ayon50LSCKvpmipw0kPqEgkUACfEd2BaRRMLv6zn1MuLLpFRm70A49YLPu56\\n-----END ENCRYPTED PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN ENCRYPTED PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("-----BEGIN CERTIFICATE-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIPhlxtsalkAYqYp4b\n1kwL7NCWauvh6hRCjo4l7Q6wvG9VsZs6lWQ1TA24klbP1ee+eMF2IkkHCpVMdu/u\nAEJ+ayon50LSCKvpmipw0kPqEgkUACfEd2BaRRMLv6zn1MuLLpFRm70A49YLPu56\n-----END CERTIFICATE-----\n", fileName: "cert.pem"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin encrypted private key-----"],
        regex: #"-----BEGIN[ ]ENCRYPTED[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]ENCRYPTED[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
