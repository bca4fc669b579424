import RampartCore

enum ReferrerPolicyMissing: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-referrer-policy", title: "Referrer-Policy header missing", severity: .low, cwe: 200, zap: false,
        documentation: """
        Without `Referrer-Policy` (or a `<meta name="referrer">`) browsers fall back to their own \
        defaults, and older ones send full URLs, query strings with tokens included, to other \
        sites. ZAP has no rule for it. Checked on successful HTML pages.

        **Fix:** send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nReferrer-Policy: no-referrer\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><meta name=referrer content=no-referrer></head></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.header("referrer-policy") == nil else { return [] }
        for token in r.tokens {
            if case .startTag("meta", let attributes, _) = token, attributes.contains(where: { $0.name == "name" && $0.value.lowercased() == "referrer" }) { return [] }
        }
        return [WebHit(parameter: "referrer-policy")]
    }
}
