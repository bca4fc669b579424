import RampartCore

enum NeonAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "neon-api-key", title: "Neon API key", confidence: .medium,
        documentation: """
        A Neon API key (64 letters and digits) calls the Neon API for its account or organisation: \
        creating and deleting projects and branches, and reading connection strings with role \
        passwords.

        **Fix:** revoke the key (Account settings → API keys, or the organisation's) and keep its \
        replacement in a secrets manager.
        """,
        examples: [
            .triggers("NEON_API_KEY=8twqz5d0kivn2xp47etn9t2ufern2856g40jn9s26dith2m7rhfrjtqvzjf3qlzo\n", fileName: ".env"),
            .triggers("env:\n  NEON_API_KEY: 8twqz5d0kivn2xp47etn9t2ufern2856g40jn9s26dith2m7rhfrjtqvzjf3qlzo\n", fileName: "preview.yml"),
            .passes("NEON_PROJECT_ID=8twqz5d0kivn2xp47etn\n", fileName: ".env"),
            .passes("NEON_API_KEY=${{ secrets.NEON_API_KEY }}\n", fileName: "preview.yml"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["neon"],
        regex: #"(?i:neon[\w.-]{0,10}(?:api[_-]?key|token))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>(?:napi_)?[A-Za-z0-9]{60,70})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
