import RampartCore

enum CookiePrefixMisuse: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-cookie-prefix", title: "Cookie prefix without the attributes it requires", severity: .low, confidence: .high, cwe: 614, owasp: .a05,
        zap: false,
        documentation: """
        A cookie named `__Secure-…` must be set with `Secure`, and one named `__Host-…` with \
        `Secure`, `Path=/` and no `Domain`. Browsers reject a prefixed cookie that breaks these \
        rules: the protection the name promises is not there, and the cookie is not stored at all \
        (sessions or CSRF tokens silently break). ZAP has no rule for it.

        **Fix:** set the attributes the prefix requires (Flask `SESSION_COOKIE_SECURE = True`, \
        `SESSION_COOKIE_PATH = "/"`, no `SESSION_COOKIE_DOMAIN`; Django `SESSION_COOKIE_SECURE`, \
        `SESSION_COOKIE_DOMAIN = None`).
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: __Host-session=abc123; Path=/; HttpOnly\n\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: __Host-csrf=abc123; Path=/; Secure; Domain=shop.test\n\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: __Secure-token=abc123; Path=/\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: __Host-session=abc123; Path=/; Secure; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: __Secure-token=abc123; Path=/app; Secure; Domain=shop.test\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for cookie in r.cookies where !cookie.isDeletion {
            // Browsers match the prefixes case-insensitively.
            let lower = cookie.name.lowercased()
            var problems: [String] = []
            if lower.hasPrefix("__secure-") || lower.hasPrefix("__host-") {
                if cookie.attributes["secure"] == nil { problems.append("no Secure") }
            }
            if lower.hasPrefix("__host-") {
                if let domain = cookie.attributes["domain"] { problems.append("Domain=\(domain.prefix(60))") }
                let path = cookie.attributes["path"]?.trimmingWhitespace()
                if path != "/" { problems.append(path.map { "Path=\($0.prefix(60))" } ?? "no Path=/") }
            }
            guard !problems.isEmpty else { continue }
            hits.append(WebHit(parameter: cookie.name, evidence: PassiveScan.clip("Set-Cookie: \(cookie.name): " + problems.joined(separator: ", "), 200)))
        }
        return Array(hits.prefix(PassiveScan.maxHits))
    }
}
