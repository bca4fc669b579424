import RampartCore

enum CloudflareAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "cloudflare-api-token", title: "Cloudflare API token", confidence: .medium,
        documentation: """
        A Cloudflare API token (40 URL-safe characters) calls the Cloudflare API with the \
        permissions and zones chosen when it was created: DNS edits, Workers deployments, cache \
        purges or account settings.

        **Fix:** roll or delete the token (My Profile → API Tokens, or the account's API tokens), \
        check the audit log, and keep its replacement in a CI secret or secrets manager.
        """,
        examples: [
            .triggers("CLOUDFLARE_API_TOKEN=hXRTMi-X4uzFMazwP4tG1G2t07MpBrTlcqL0a5Sq\n", fileName: ".env"),
            .triggers("cf_api_token: hXRTMi-X4uzFMazwP4tG1G2t07MpBrTlcqL0a5Sq\n", fileName: "config.yml"),
            .passes("CLOUDFLARE_API_TOKEN=hXRTMi-X4uzFMazwP4tG1G2t07MpBrTlcq\n", fileName: ".env"),
            .passes("CLOUDFLARE_ACCOUNT_ID=hXRTMi-X4uzFMazwP4tG1G2t07MpBrTlcqL0a5Sq\n", fileName: "other.env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cloudflare", "cf_api_token", "cf_token", "cf-api-token"],
        regex: #"(?i:cloudflare|cf[_-]api[_-]token|cf[_-]token)(?i:[\w.-]{0,15}(?:token|api[_-]?key|key))?["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9_-]{40})(?![\w-])"#,
        minEntropy: 3.5
    )
}
