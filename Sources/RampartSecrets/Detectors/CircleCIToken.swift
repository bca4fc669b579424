import RampartCore

enum CircleCIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "circleci-token", title: "CircleCI personal or project API token",
        documentation: """
        A CircleCI API token (`CCIPAT_` for personal tokens, `CCIPRJ_` for project tokens) calls the \
        CircleCI API: a personal token can read and change the project settings, environment \
        variables and contexts of every project its user follows, and trigger pipelines.

        **Fix:** delete the token (User settings → Personal API tokens, or Project settings → API \
        permissions) and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("CIRCLECI_TOKEN=CCIPAT_mdHMHMDo3O2i2qJVB6VVLJ_79280afaeed037a013576312db528f31c44cccf7\n", fileName: ".env"),
            .triggers("headers = {'Circle-Token': 'CCIPAT_mdHMHMDo3O2i2qJVB6VVLJ_79280afaeed037a013576312db528f31c44cccf7'}\n", fileName: "ci.py"),
            .passes("CIRCLECI_TOKEN=CCIPAT_mdHMHMDo3O2i2qJVB6VVLJ_79280afaeed037a01357\n", fileName: ".env"),
            .passes("CIRCLECI_TOKEN=CCIPAT_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ccipat_", "cciprj_"], regex: #"\b(CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\b"#,
        minEntropy: 3.5
    )
}
