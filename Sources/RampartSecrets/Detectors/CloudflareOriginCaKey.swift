import RampartCore

enum CloudflareOriginCaKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "cloudflare-origin-ca-key", title: "Cloudflare Origin CA key",
        documentation: """
        A Cloudflare Origin CA key (`v1.0-` followed by hex) authorises the Origin CA API: it can \
        issue and revoke the origin certificates that Cloudflare trusts for the account's zones.

        **Fix:** revoke it (My Profile → API Tokens → Origin CA Key → Change), and prefer an API \
        token with the Origin CA permission, stored in a secrets manager.
        """,
        examples: [
            .triggers("CF_ORIGIN_CA_KEY=v1.0-a47a7ef525e050736b122e08-dbdf35b2defb5f8ad6077cecbcc9b07bddaef49d31152bdc42ba010cea2fa9f71c5027a4a14377fbec594fba60d7ec25305047a8aeb69ed9eb31b6a3409706a0dfdc2f51d200b566ec\n", fileName: ".env"),
            .triggers("origin_ca_key = \"v1.0-a47a7ef525e050736b122e08-dbdf35b2defb5f8ad6077cecbcc9b07bddaef49d31152bdc42ba010cea2fa9f71c5027a4a14377fbec594fba60d7ec25305047a8aeb69ed9eb31b6a3409706a0dfdc2f51d200b566ec\"\n", fileName: "terraform.tfvars"),
            .passes("CF_ORIGIN_CA_KEY=v1.0-a47a7ef525e050736b122e08-dbdf35b2defb5f8ad6077cecbcc9b07bddaef49d31152bdc42ba\n", fileName: ".env"),
            .passes("version: v1.0-a47a7ef525e0\n", fileName: "changelog.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["v1.0-"], regex: #"\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b"#
    )
}
