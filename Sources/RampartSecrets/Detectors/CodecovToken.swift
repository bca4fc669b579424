import RampartCore

enum CodecovToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "codecov-token", title: "Codecov upload token", severity: .medium, confidence: .medium,
        documentation: """
        A Codecov upload token (a UUID) uploads coverage reports for a repository, or for every \
        repository of an organisation with a global token; a holder can forge coverage results and \
        status checks.

        **Fix:** regenerate the token (the repository's or organisation's Codecov settings) and keep \
        it as a CI secret, or use tokenless uploads for public repositories.
        """,
        examples: [
            .triggers("CODECOV_TOKEN=5874b181-efe2-44b1-b186-0209ace1a30b\n", fileName: ".env"),
            .triggers("      - uses: codecov/codecov-action@v4\n        env:\n          CODECOV_TOKEN: 5874b181-efe2-44b1-b186-0209ace1a30b\n", fileName: "ci.yml"),
            .passes("CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}\n", fileName: "ci.yml"),
            .passes("CODECOV_TOKEN=5874b181-efe2-44b1\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["codecov"],
        regex: #"(?i:codecov[\w.-]{0,10}token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
