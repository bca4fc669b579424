import RampartCore

enum NetlifyAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "netlify-access-token", title: "Netlify access token", confidence: .medium,
        documentation: """
        A Netlify personal access token calls the Netlify API as its owner on every team the owner \
        belongs to: deploys, site settings, environment variables (and the secrets in them) and DNS.

        **Fix:** revoke the token (User settings → Applications → Personal access tokens), create a \
        new one with an expiry, and store it as a CI secret.
        """,
        examples: [
            .triggers("NETLIFY_AUTH_TOKEN=SFQcLPNbIwrXDl5G_XwFjQ3lqD-g87Wk6yBJ1D8RNVs\n", fileName: ".env"),
            .triggers("env:\n  NETLIFY_AUTH_TOKEN: 'SFQcLPNbIwrXDl5G_XwFjQ3lqD-g87Wk6yBJ1D8RNVs'\n", fileName: "deploy.yml"),
            .passes("NETLIFY_SITE_ID=SFQcLPNbIwrXDl5G_XwFjQ3l\n", fileName: ".env"),
            .passes("NETLIFY_AUTH_TOKEN=${{ secrets.NETLIFY_AUTH_TOKEN }}\n", fileName: "deploy.yml"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["netlify"],
        regex: #"(?i:netlify)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>(?:nf[a-z]_)?[A-Za-z0-9_-]{40,46})(?![\w-])"#,
        minEntropy: 3.5
    )
}
