import RampartCore

enum CloudflareGlobalAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "cloudflare-global-api-key", title: "Cloudflare global API key", severity: .critical, confidence: .medium,
        documentation: """
        The Cloudflare global API key (37 hex digits, sent with the account e-mail as `X-Auth-Key`) \
        has every permission of the user on every account and zone the user can reach; it cannot be \
        scoped.

        **Fix:** change it (My Profile → API Tokens → Global API Key → Change), review the audit \
        log, and replace its uses with scoped API tokens kept in a secrets manager.
        """,
        examples: [
            .triggers("CLOUDFLARE_API_KEY=0704f75072469108047d9509d49bdb1d706ab\n", fileName: ".env"),
            .triggers("curl -H 'X-Auth-Email: ops@acme.test' -H 'X-Auth-Key: 0704f75072469108047d9509d49bdb1d706ab' https://api.cloudflare.com/client/v4/zones\n", fileName: "purge.sh"),
            .passes("CLOUDFLARE_API_KEY=0704f75072469108047d9509d49bdb1d706\n", fileName: ".env"),
            .passes("CLOUDFLARE_ZONE_ID=0704f75072469108047d9509d49bdb1\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cloudflare", "x-auth-key", "cf_api_key", "cf-api-key"],
        regex: #"(?i:cloudflare[\w.-]{0,15}(?:api[_-]?key|global[\w-]{0,10}key|auth[_-]?key)|cf[_-]api[_-]key|x-auth-key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{37})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
