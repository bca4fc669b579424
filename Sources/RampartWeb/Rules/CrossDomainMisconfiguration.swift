import RampartCore

enum CrossDomainMisconfiguration: WebRule {
    static let metadata = RuleMetadata.web(
        "10098", title: "Cross-domain misconfiguration (permissive CORS)", severity: .medium, cwe: 264, owasp: .a01,
        documentation: """
        The response allows any origin to read it (`Access-Control-Allow-Origin: *`), or reflects \
        an arbitrary origin while allowing credentials. Any web page a user visits can then read \
        what this endpoint returns to them.

        **Fix:** list the trusted origins explicitly (flask-cors `origins=[…]`), and never combine \
        a reflected origin with `Access-Control-Allow-Credentials: true`.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\nAccess-Control-Allow-Origin: *\n\n{}\n", fileName: "api.http"),
            .triggers("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: null\nAccess-Control-Allow-Credentials: true\n\n{}\n", fileName: "api.http"),
            .passes("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.shop.test\n\n{}\n", fileName: "api.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard let origin = r.header("access-control-allow-origin")?.trimmingWhitespace() else { return [] }
        let credentials = r.header("access-control-allow-credentials")?.lowercased() == "true"
        if origin == "*" || (origin.lowercased() == "null" && credentials) {
            return [WebHit(parameter: "access-control-allow-origin", evidence: "Access-Control-Allow-Origin: \(origin)")]
        }
        return []
    }
}
