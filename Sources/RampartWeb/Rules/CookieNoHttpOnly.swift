import RampartCore

enum CookieNoHttpOnly: WebRule {
    static let metadata = RuleMetadata.web(
        "10010", title: "Cookie without the HttpOnly flag", severity: .low, cwe: 1004, owasp: .a05,
        documentation: """
        A cookie set without `HttpOnly` can be read by JavaScript, so a cross-site scripting flaw \
        can steal it (session cookies above all). Cookies being deleted are not reported.

        **Fix:** set `HttpOnly` on every cookie scripts do not need (Flask: \
        `SESSION_COOKIE_HTTPONLY = True`, the default; Django: `SESSION_COOKIE_HTTPONLY`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nSet-Cookie: session=abc123; Path=/\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nSet-Cookie: session=abc123; Path=/; HttpOnly\n\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nSet-Cookie: session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        r.cookies.filter { !$0.isDeletion && $0.attributes["httponly"] == nil }.map { WebHit(parameter: $0.name, evidence: "Set-Cookie: \($0.name)") }
    }
}
