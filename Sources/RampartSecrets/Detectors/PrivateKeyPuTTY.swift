import RampartCore

enum PrivateKeyPuTTY: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-putty", title: "PuTTY private key", severity: .critical,
        documentation: """
        A PuTTY key file (`PuTTY-User-Key-File-2:` or `-3:`, a `.ppk`) holds an SSH private key, \
        with `Encryption: none` or behind a passphrase: it logs in to every server and Git host that \
        lists its public key.

        **Fix:** remove its public key from `authorized_keys` and Git hosts, generate a new key with \
        a passphrase, and keep it in Pageant or a hardware key rather than in the repository.
        """,
        examples: [
            .triggers("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@build\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9\nGKJl\nPrivate-Lines: 1\nAAAAIF2vNq8Wz3Lr7Tn2Vx5MKq9Pz4Hw2Rt8Lk3Nv7Xc1Bq\nPrivate-MAC: 5f2e8a1c9b7d3e4f6a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f\n", fileName: "deploy.ppk"),
            .triggers("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240501\nPublic-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAAAgQDJq8Wz3Lr7Tn2Vx5MKq9Pz4Hw2Rt8Lk3Nv\nPrivate-Lines: 2\nAAAAgQCa7Kq2Wz9Lr3Tn8Vx5MPz4Hw2Rt8Lk3Nv7Xc1BqJd6Fs0Gh4Yb9Ue2Ip7Oa\nQm5Wc8Ek3Nr1Ty6Ux9Zv\nPrivate-MAC: 8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d\n", fileName: "admin.ppk"),
            .passes("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: truncated\n", fileName: "note.ppk"),
            .passes("Convert keys with puttygen; files start with PuTTY-User-Key-File-3.\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["putty-user-key-file-"],
        regex: #"PuTTY-User-Key-File-[23]:[ \t]*[\w@.-]+\s+Encryption:[ \t]*[\w-]+\s+Comment:[^\n]*\n\s*Public-Lines:[ \t]*[0-9]+\s+(?:[A-Za-z0-9+/=]+\s+)+(?:Key-Derivation:[^\n]*\n(?:\s*Argon2-[A-Za-z]+:[^\n]*\n)*)?\s*Private-Lines:[ \t]*[0-9]+\s+(?:[A-Za-z0-9+/=]{4,}\s+)+Private-(?:MAC|Hash):[ \t]*[a-f0-9]{40,64}"#,
        multiline: true
    )
}
