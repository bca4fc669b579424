import RampartCore

enum OnePasswordSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "1password-secret-key", title: "1Password account Secret Key", severity: .critical,
        documentation: """
        A 1Password Secret Key (`A3-` and five groups of letters and digits) is one of the two \
        factors that derive a 1Password account's encryption keys; with the account password it \
        opens every vault the user can see, from any device.

        **Fix:** regenerate the Secret Key (the account's profile → Regenerate Secret Key), change \
        the account password if it may be known too, and keep the Emergency Kit offline, never in a \
        repository.
        """,
        examples: [
            .triggers("secret_key: A3-SRQFAD-R0AMSV-K3FET-1HQX3-BS12B-A4P99\n", fileName: "op.yml"),
            .triggers("OP_SECRET_KEY=A3-SRQFAD-R0AMSV-K3FET-1HQX3-BS12B-A4P99\n", fileName: ".env"),
            .passes("OP_SECRET_KEY=A3-SRQFAD-R0AMSV-K3FET\n", fileName: ".env"),
            .passes("OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["a3-"],
        regex: #"\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{6}-[A-Z0-9]{5}|[A-Z0-9]{11})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b"#,
        minEntropy: 3.0
    )
}
