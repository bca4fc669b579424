import RampartCore

enum VercelAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vercel-access-token", title: "Vercel access token", confidence: .medium,
        documentation: """
        A Vercel access token (24 letters and digits) calls the Vercel API for its account or team \
        scope: deployments, project settings and environment variables, which hold the projects' \
        other secrets.

        **Fix:** delete the token (Account settings → Tokens), create one scoped to a single team \
        with an expiry, and keep it in the CI's secret store.
        """,
        examples: [
            .triggers("VERCEL_TOKEN=1ZFZnmEZoz8XNWM8e8UFu5lD\n", fileName: ".env"),
            .triggers("with:\n  vercel-token: '1ZFZnmEZoz8XNWM8e8UFu5lD'\n", fileName: "release.yml"),
            .passes("VERCEL_ORG_ID=1ZFZnmEZoz8XNWM8e8U\n", fileName: ".env"),
            .passes("VERCEL_TOKEN=${VERCEL_TOKEN}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["vercel"],
        regex: #"(?i:vercel)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
