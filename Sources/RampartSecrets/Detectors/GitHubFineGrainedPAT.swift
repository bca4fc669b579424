import RampartCore

enum GitHubFineGrainedPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-fine-grained-pat", title: "GitHub fine-grained personal access token",
        documentation: """
        A GitHub fine-grained personal access token (`github_pat_` and 82 characters) acts as its \
        owner on the repositories and with the permissions it was given, until its expiry date.

        **Fix:** revoke it (Settings → Developer settings → Fine-grained tokens, or the \
        organisation's pending and active tokens), and use a GitHub App or the Actions \
        `GITHUB_TOKEN` where possible, with secrets kept in the CI's secret store.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=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\n", fileName: ".env"),
            .triggers("//npm.pkg.github.com/:_authToken=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\n", fileName: ".npmrc"),
            .passes("GITHUB_TOKEN=github_pat_11DPIRR0KYNYZWD07TUW19_T8gvSOytJ00DcomKDV1mzhKOjTVt\n", fileName: ".env"),
            .passes("GITHUB_TOKEN=github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["github_pat_"], regex: #"\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b"#,
        minEntropy: 4.0
    )
}
