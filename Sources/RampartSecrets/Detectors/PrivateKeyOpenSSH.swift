import RampartCore

enum PrivateKeyOpenSSH: SecretRule {
    static let metadata = RuleMetadata.secret(
        "private-key-openssh", title: "OpenSSH private key", severity: .critical,
        documentation: """
        A block `-----BEGIN OPENSSH PRIVATE KEY-----` is an SSH private key in OpenSSH's format \
        (`id_ed25519`, `id_rsa`, `id_ecdsa`): it logs in to every server and Git host that lists its \
        public key, such as deploy keys with write access.

        **Fix:** remove its public key from `authorized_keys`, Git hosts and cloud key pairs, \
        generate a new key, and keep private keys in `~/.ssh`, an SSH agent, a hardware key or the \
        CI's secret store, never in the repository.
        """,
        examples: [
            .triggers("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\nc2gtZW66S5RWh2iyehWawPcrEm86nPmrBeyUTzMwjhpvLf4X8fn0CCImlOAM++ny\nRN+KqVzqxGsj9T5h1oSrsQaB7S5NHthDAZ31AG7oDMtsqYjfgmlgZxKikujIX8te\ngY5prp0l2RwO7QgOntQurEPjUf1Pqx2+OwxvRLCKwOoS+vzFFne8MnCeiM1tSYaj\n-----END OPENSSH PRIVATE KEY-----\n", fileName: "id_ed25519"),
            .triggers("SIGNING_KEY=\"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\\nc2gtZW66S5RWh2iyehWawPcrEm86nPmrBeyUTzMwjhpvLf4X8fn0CCImlOAM++ny\\nRN+KqVzqxGsj9T5h1oSrsQaB7S5NHthDAZ31AG7oDMtsqYjfgmlgZxKikujIX8te\\ngY5prp0l2RwO7QgOntQurEPjUf1Pqx2+OwxvRLCKwOoS+vzFFne8MnCeiM1tSYaj\\n-----END OPENSSH PRIVATE KEY-----\\n\"\n", fileName: ".env"),
            .passes("-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n", fileName: "README.txt"),
            .passes("key = open('deploy.pem').read()  # starts with -----BEGIN OPENSSH PRIVATE KEY-----\n", fileName: "deploy.py"),
            .passes("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci\n", fileName: "id_ed25519.pub"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["-----begin openssh private key-----"],
        regex: #"-----BEGIN[ ]OPENSSH[ ]PRIVATE[ ]KEY-----(?:\s|\\[nr])+(?:[A-Za-z0-9+/=\s]|\\[nr]){64,}+-----END[ ]OPENSSH[ ]PRIVATE[ ]KEY-----"#,
        multiline: true
    )
}
