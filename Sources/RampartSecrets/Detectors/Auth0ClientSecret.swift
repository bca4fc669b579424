import RampartCore

enum Auth0ClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "auth0-client-secret", title: "Auth0 client secret", confidence: .medium,
        documentation: """
        An Auth0 application client secret (64 URL-safe characters) authenticates the application to \
        Auth0: exchanging codes for users' tokens and, for machine-to-machine apps authorised for \
        the Management API, managing users, connections and rules of the tenant.

        **Fix:** rotate the secret (Applications → the application → Settings → Rotate), review the \
        tenant logs, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("AUTH0_CLIENT_SECRET=7qbJV25Wb_FnNE50cSWbKO1v3uf8PLVGWQc90dm94e9S3H1K2H1_c6x8qHITWjqb\n", fileName: ".env"),
            .triggers("auth0:\n  auth0_secret: '7qbJV25Wb_FnNE50cSWbKO1v3uf8PLVGWQc90dm94e9S3H1K2H1_c6x8qHITWjqb'\n", fileName: "config.yml"),
            .passes("AUTH0_CLIENT_ID=7qbJV25Wb_FnNE50cSWbKO1v3uf8PLVG\n", fileName: ".env"),
            .passes("AUTH0_CLIENT_SECRET=${AUTH0_SECRET}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["auth0"],
        regex: #"(?i:auth0[\w.-]{0,15}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9_-]{64})(?![\w-])"#,
        minEntropy: 4.0
    )
}
