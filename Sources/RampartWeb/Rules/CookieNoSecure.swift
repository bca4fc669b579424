import RampartCore

enum CookieNoSecure: WebRule {
    static let metadata = RuleMetadata.web(
        "10011", title: "Cookie without the Secure flag", severity: .low, cwe: 614, owasp: .a05,
        documentation: """
        A cookie without `Secure` is also sent over plain HTTP, where it can be read on the \
        network. Reported for HTTPS responses and for plain-HTTP sites other than localhost (a \
        local test server is not a finding unless the scan runs with \
        `--no-localhost-exemption`), and not for cookies being deleted.

        **Fix:** set `Secure` (Flask `SESSION_COOKIE_SECURE = True`, Django `SESSION_COOKIE_SECURE`).
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly; Secure\n\n", fileName: "page.http"),
            .triggers("# GET http://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET http://127.0.0.1:5000/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=; Max-Age=0\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTTPS || !r.isLocalhost else { return [] }
        return r.cookies.filter { !$0.isDeletion && $0.attributes["secure"] == nil }.map { WebHit(parameter: $0.name, evidence: "Set-Cookie: \($0.name)") }
    }
}
