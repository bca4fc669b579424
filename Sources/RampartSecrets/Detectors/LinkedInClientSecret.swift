import RampartCore

enum LinkedInClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "linkedin-client-secret", title: "LinkedIn client secret", confidence: .medium,
        documentation: """
        A LinkedIn application client secret (`WPL_AP1.…`, or 16 characters for older apps) lets its \
        holder complete OAuth flows as the application and call the APIs the app's products allow, \
        such as posting for members or pages who authorised it.

        **Fix:** generate a new client secret (Developer portal → the app → Auth) and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("LINKEDIN_CLIENT_SECRET=WPL_AP1.rUHLjeBbunsFneTx.rjMolp9G==\n", fileName: ".env"),
            .triggers("linkedin:\n  linkedin_secret: 'xdoMynTLclWRvS1Y'\n", fileName: "config.yml"),
            .passes("LINKEDIN_CLIENT_ID=86x2b0ze4vqfl\n", fileName: ".env"),
            .passes("LINKEDIN_CLIENT_SECRET=xdoMynTL\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["linkedin"],
        regex: #"(?i:linkedin[\w.-]{0,15}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>WPL_AP[0-9]\.[A-Za-z0-9]{16}\.[A-Za-z0-9+/]{8}={0,2}|[A-Za-z0-9]{16})(?![A-Za-z0-9+/=])"#,
        minEntropy: 3.5
    )
}
