import RampartCore

enum CookieNoSecure: WebRule {
    static let metadata = RuleMetadata.web(
        "10011", title: "Cookie without the Secure flag", severity: .low, cwe: 614, owasp: .a05,
        documentation: """
        A cookie set over HTTPS without `Secure` is also sent over plain HTTP, where it can be \
        read on the network. Reported for HTTPS responses only (a plain-HTTP localhost test \
        server is not a finding), and not for cookies being deleted.

        **Fix:** set `Secure` (Flask `SESSION_COOKIE_SECURE = True`, Django `SESSION_COOKIE_SECURE`).
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly; Secure\n\n", fileName: "page.http"),
            .passes("# GET http://127.0.0.1:5000/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTTPS else { return [] }
        return r.cookies.filter { !$0.isDeletion && $0.attributes["secure"] == nil }.map { WebHit(parameter: $0.name, evidence: "Set-Cookie: \($0.name)") }
    }
}
