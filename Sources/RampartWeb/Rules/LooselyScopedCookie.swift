import Foundation
import RampartCore

enum LooselyScopedCookie: WebRule {
    static let metadata = RuleMetadata.web(
        "90033", title: "Loosely scoped cookie", severity: .info, confidence: .medium, cwe: 565, owasp: .a08,
        documentation: """
        A cookie's `Domain` is a parent of the host that set it (`app.shop.test` sets \
        `Domain=shop.test`), so every other subdomain receives it, and any of them, if taken over \
        or less trusted, can read or overwrite it. Cookies being deleted are not reported.

        **Fix:** leave `Domain` out so the cookie stays with its host (Flask \
        `SESSION_COOKIE_DOMAIN = False`, Django `SESSION_COOKIE_DOMAIN = None`), or use a \
        `__Host-` prefixed name.
        """,
        examples: [
            .triggers("# GET https://app.shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; Domain=.shop.test; Path=/; Secure; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://app.shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; Path=/; Secure; HttpOnly\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nSet-Cookie: session=abc123; Domain=shop.test; Path=/; Secure\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        let host = URLHost.of(r.url)
        guard !host.isEmpty, !host.allSatisfy({ $0.isNumber || $0 == "." }), !host.hasPrefix("[") else { return [] }
        var hits: [WebHit] = []
        for cookie in r.cookies where !cookie.isDeletion {
            guard let raw = cookie.attributes["domain"] else { continue }
            let domain = raw.trimmingWhitespace().lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            guard !domain.isEmpty, domain != host, host.hasSuffix("." + domain) else { continue }
            hits.append(WebHit(parameter: cookie.name, evidence: PassiveScan.clip("Set-Cookie: \(cookie.name)=…; Domain=\(raw) (set by \(host))", 200)))
        }
        return Array(hits.prefix(PassiveScan.maxHits))
    }
}
