import RampartCore

enum CookieNoSameSite: WebRule {
    static let metadata = RuleMetadata.web(
        "10054", title: "Cookie without a SameSite attribute", severity: .low, cwe: 1275, owasp: .a01,
        documentation: """
        A cookie without `SameSite` (or with `SameSite=None`, or an invalid value) is sent on \
        cross-site requests, which helps cross-site request forgery. Cookies being deleted are not \
        reported.

        **Fix:** set `SameSite=Lax` (or `Strict`) (Flask `SESSION_COOKIE_SAMESITE = "Lax"`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly\n\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly; SameSite=None; Secure\n\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nSet-Cookie: session=abc123; HttpOnly; SameSite=Lax\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        r.cookies.filter { cookie in
            guard !cookie.isDeletion else { return false }
            let value = cookie.attributes["samesite"]?.lowercased()
            return value != "lax" && value != "strict"
        }.map { WebHit(parameter: $0.name, evidence: "Set-Cookie: \($0.name)" + ($0.attributes["samesite"].map { "; SameSite=\($0)" } ?? "")) }
    }
}
