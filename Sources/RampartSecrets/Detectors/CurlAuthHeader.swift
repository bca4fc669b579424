import RampartCore

enum CurlAuthHeader: SecretRule {
    static let metadata = RuleMetadata.secret(
        "curl-auth-header", title: "Credential in a curl header", confidence: .medium, tags: ["generic"],
        documentation: """
        A curl command with a literal `Authorization: Bearer …`, `Basic …` or `Token …` header, or \
        an API-key header (`X-API-Key`, `PRIVATE-TOKEN`, `X-Auth-Token`), carries a working \
        credential in a script or document, and into shell history and CI logs. Headers built from \
        variables (`$TOKEN`) are not reported.

        **Fix:** revoke the token, and pass it from the environment (`-H "Authorization: Bearer \
        $API_TOKEN"`) or a secrets manager.
        """,
        examples: [
            .triggers("curl -s -H 'Authorization: Bearer qP-NiPpnCH4R4KgZl1zFHh-WEcn5bvdAP.-d413k' https://api.acme.test/v1/orders\n", fileName: "orders.sh"),
            .triggers("curl --header \"PRIVATE-TOKEN: Rz5Tn8Wq2Lk7Vx3Pm9Hd\" https://gitlab.acme.test/api/v4/projects\n", fileName: "README.txt"),
            .passes("curl -H \"Authorization: Bearer $API_TOKEN\" https://api.acme.test/v1/orders\n", fileName: "orders.sh"),
            .passes("curl -H 'Content-Type: application/json' https://api.acme.test/v1/orders\n", fileName: "orders.sh"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["curl"],
        regex: #"\bcurl\b[^\n]{0,400}?(?:-H|--header)\s*["'](?:(?i:authorization):\s*(?i:bearer|basic|token|bot)\s+|(?i:x-api-key|api-key|apikey|x-auth-token|private-token|x-access-token):\s*)(?<secret>[A-Za-z0-9._~+/=-]{12,})["']"#,
        minEntropy: 3.0
    )
}
