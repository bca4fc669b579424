import RampartCore

enum LinearAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "linear-api-key", title: "Linear API key",
        documentation: """
        A Linear personal API key (`lin_api_` and 40 characters) calls Linear's GraphQL API as its \
        user: reading and changing every issue, project and comment in the user's workspace.

        **Fix:** revoke the key (Settings → Account → Security & access → Personal API keys) and \
        keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("LINEAR_API_KEY=lin_api_r76KjK0h515giIvABkth0qzBUN50ZpRn6y7RrOu3\n", fileName: ".env"),
            .triggers("client = LinearClient({ apiKey: \"lin_api_r76KjK0h515giIvABkth0qzBUN50ZpRn6y7RrOu3\" });\n", fileName: "linear.ts"),
            .passes("LINEAR_API_KEY=lin_api_r76KjK0h515giIvABk\n", fileName: ".env"),
            .passes("LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["lin_api_"], regex: #"\b(lin_api_[A-Za-z0-9]{40})\b"#, minEntropy: 3.5
    )
}
