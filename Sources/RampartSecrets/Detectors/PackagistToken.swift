import RampartCore

enum PackagistToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "packagist-token", title: "Private Packagist token",
        documentation: """
        A Private Packagist token (`packagist_` with a three-letter type and a hex secret) reads an \
        organisation's private Composer packages or, for update and organisation tokens, changes its \
        packages and mirrors.

        **Fix:** delete the token (the organisation's Settings → Authentication tokens) and keep its \
        replacement in `auth.json` outside the repository or a CI secret.
        """,
        examples: [
            .triggers("PACKAGIST_TOKEN=packagist_uut_61726e2098ccb1cb1c90e79ece3a3c366d2cffa4a46b1e7086458f145bccc7d64415\n", fileName: ".env"),
            .triggers("composer config --global --auth http-basic.repo.packagist.com token packagist_uut_61726e2098ccb1cb1c90e79ece3a3c366d2cffa4a46b1e7086458f145bccc7d64415\n", fileName: "setup.sh"),
            .passes("PACKAGIST_TOKEN=packagist_uut_61726e2098ccb1cb1c90e79\n", fileName: ".env"),
            .passes("PACKAGIST_TOKEN=packagist_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["packagist_"], regex: #"\b(packagist_[a-z]{3}_[a-f0-9]{68})\b"#, minEntropy: 3.0
    )
}
