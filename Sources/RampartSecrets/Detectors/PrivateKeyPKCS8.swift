import RampartCore

enum PrivateKeyPKCS8: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-pkcs8", title: "Private key (PKCS #8)", severity: .critical,
        documentation: """
        A PEM block `-----BEGIN PRIVATE KEY-----` holds an unencrypted PKCS #8 private key of any \
        algorithm (RSA, EC, Ed25519): TLS server keys, service-account keys, JWT and SAML signing \
        keys. Keys written with `\\n` escapes inside strings are found too.

        **Fix:** treat the key as compromised: revoke or replace it wherever it is trusted \
        (certificates, authorized_keys, deploy keys, cloud key pairs), then keep private keys in a \
        secrets manager, an HSM or the platform's key store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCOfcrwmtyPKd1UyIb/UZeZQm6pmUvbAB9\nemI5ESiGDJccEQXYke8WAFZydbu3T/AaS7NZ+H38u1Gi9b/iNIKHFhrRL2Ajhyj5\ng5s2dGpnFcNFH41Ke1jr6uOWFOl+trBoa0kvD2umfDTb2LAFxT4IbxRfT+oSPkkm\neQaJJ/M+Rx6EM0zrxhmQcWO3TE9Pq1Kyj8t0m/eoh7sJkfmOb8v0e9OANKXT4nEF\n-----END PRIVATE KEY-----\n", fileName: "id_key.pem"),
            .triggers("SIGNING_KEY=\"-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCOfcrwmtyPKd1UyIb/UZeZQm6pmUvbAB9\\nemI5ESiGDJccEQXYke8WAFZydbu3T/AaS7NZ+H38u1Gi9b/iNIKHFhrRL2Ajhyj5\\ng5s2dGpnFcNFH41Ke1jr6uOWFOl+trBoa0kvD2umfDTb2LAFxT4IbxRfT+oSPkkm\\neQaJJ/M+Rx6EM0zrxhmQcWO3TE9Pq1Kyj8t0m/eoh7sJkfmOb8v0e9OANKXT4nEF\\n-----END PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("-----BEGIN PUBLIC KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCOfcrwmtyPKd1UyIb/UZeZQm6pmUvbAB9\nemI5ESiGDJccEQXYke8WAFZydbu3T/AaS7NZ+H38u1Gi9b/iNIKHFhrRL2Ajhyj5\ng5s2dGpnFcNFH41Ke1jr6uOWFOl+trBoa0kvD2umfDTb2LAFxT4IbxRfT+oSPkkm\neQaJJ/M+Rx6EM0zrxhmQcWO3TE9Pq1Kyj8t0m/eoh7sJkfmOb8v0e9OANKXT4nEF\n-----END PUBLIC KEY-----\n", fileName: "pub.pem"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin private key-----"],
        regex: #"-----BEGIN[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
