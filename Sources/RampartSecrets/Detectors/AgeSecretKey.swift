import RampartCore

enum AgeSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "age-secret-key", title: "age identity (secret key)", severity: .critical,
        documentation: """
        An age identity (`AGE-SECRET-KEY-1` and 58 bech32 characters) decrypts every file and secret \
        encrypted to its recipient: SOPS files, backups and `age`-encrypted secrets in the \
        repository itself.

        The key carries a bech32 checksum, so Rampart checks it offline and reports a key whose \
        checksum holds with high confidence.

        **Fix:** generate a new identity, re-encrypt everything to the new recipient (`sops \
        updatekeys`, say), remove the old recipient, and keep identities outside the repository, for \
        example in the CI's secret store or `~/.config/sops/age/keys.txt`.
        """,
        examples: [
            .triggers("# created: 2024-05-01T10:00:00Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\nAGE-SECRET-KEY-1LCC09CA4SRAW667AYMSFZ2N4UUTV8P03YYP5VF8Q4V77PG69LAE0KS45GJ\n", fileName: "keys.txt"),
            .triggers("SOPS_AGE_KEY=AGE-SECRET-KEY-1LCC09CA4SRAW667AYMSFZ2N4UUTV8P03YYP5VF8Q4V77PG69LAE0KS45GJ\n", fileName: ".env"),
            .passes("SOPS_AGE_KEY=AGE-SECRET-KEY-1LCC09CA4SRAW667AYMSFZ2N4UUTV8P03YYP5VF8Q4V77PG69LAE0KS45GQ\n", fileName: ".env"),
            .passes("SOPS_AGE_KEY=AGE-SECRET-KEY-1...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["age-secret-key-1"],
        regex: #"\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b"#, validate: Checksums.bech32
    )
}
