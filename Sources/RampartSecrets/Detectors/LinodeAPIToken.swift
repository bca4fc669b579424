import RampartCore

enum LinodeAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "linode-api-token", title: "Akamai (Linode) API token", severity: .critical, confidence: .medium,
        documentation: """
        A Linode (Akamai Cloud) personal access token (64 hex digits) calls the Linode API as its \
        owner: with the default scopes it can create, read and delete every Linode, volume, \
        Kubernetes cluster, object storage key and DNS zone of the account.

        **Fix:** revoke the token (Cloud Manager → profile → API Tokens), review the account's \
        events, and give its replacement only the scopes it needs, kept in a secrets manager.
        """,
        examples: [
            .triggers("LINODE_TOKEN=0a2ae57c7bc720ae2ecfdc3a4fdc57fed184d652d1de6a224a02e3f6d8399fc8\n", fileName: ".env"),
            .triggers("linode_api_token: \"0a2ae57c7bc720ae2ecfdc3a4fdc57fed184d652d1de6a224a02e3f6d8399fc8\"\n", fileName: "group_vars.yml"),
            .passes("LINODE_TOKEN=0a2ae57c7bc720ae2ecfdc3a4fdc57fed184d652d1de6a224a02e\n", fileName: ".env"),
            .passes("checksum = 0a2ae57c7bc720ae2ecfdc3a4fdc57fed184d652d1de6a224a02e3f6d8399fc8\n", fileName: "linode.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["linode"],
        regex: #"(?i:linode)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
