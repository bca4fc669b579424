import RampartCore

enum CircleCITokenLegacy: SecretRule {
    static let metadata = RuleMetadata.secret(
        "circleci-token-legacy", title: "CircleCI legacy API token", confidence: .medium,
        documentation: """
        Older CircleCI API tokens are 40 hex digits. Rampart reports one assigned to a CircleCI name \
        such as `CIRCLE_TOKEN` or `CIRCLECI_API_TOKEN`; it can read and change project settings, \
        environment variables and contexts as its user.

        **Fix:** delete the token (User settings → Personal API tokens) and keep its replacement in \
        a secrets manager.
        """,
        examples: [
            .triggers("CIRCLE_TOKEN=b5401878a06fa1457b05b976d56031026d24fb1e\n", fileName: ".env"),
            .triggers("circleci_api_token: 'b5401878a06fa1457b05b976d56031026d24fb1e'\n", fileName: "vars.yml"),
            .passes("CIRCLE_SHA1=b5401878a06fa1457b05b976d56031026d24fb1e\n", fileName: ".env"),
            .passes("CIRCLE_TOKEN=b5401878a06fa1457b05b976d\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["circle"],
        regex: #"(?i:circle(?:ci)?[\w.-]{0,10}token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
