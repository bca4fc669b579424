import RampartCore

enum RetrievedFromCache: WebRule {
    static let metadata = RuleMetadata.web(
        "10050", title: "Page retrieved from a shared cache", severity: .info, confidence: .medium, cwe: 524, owasp: .a04,
        documentation: """
        The page was served by a shared cache (CDN or proxy): `X-Cache`, `CF-Cache-Status` or \
        `X-Cache-Status` says HIT, or an `Age` header is present. If the page holds one user's \
        data, another user may be served that copy. Static assets (scripts, images, styles) are \
        not reported: caching them is the point.

        **Fix:** mark personal pages `Cache-Control: private, no-store` (Flask \
        `response.cache_control.no_store = True`, Django `@never_cache`), and key CDN caching on \
        public paths only.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Cache: Hit from cloudfront\nAge: 120\n\n<html>Hello</html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\nCF-Cache-Status: HIT\n\n{}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Cache: Miss from cloudfront\n\n<html>Hello</html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\nX-Cache: HIT\nAge: 3000\n\nvar a = 1;\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), !r.isStaticAsset else { return [] }
        for name in ["x-cache", "cf-cache-status", "x-cache-status", "x-proxy-cache", "x-drupal-cache", "x-varnish-cache"] {
            for value in r.headers(name) {
                // "HIT", "Hit from cloudfront", "HIT, MISS" (layered caches): the nearest says HIT.
                let lower = value.lowercased()
                if lower.contains("hit"), !lower.hasPrefix("miss") {
                    return [WebHit(parameter: name, evidence: "\(name): " + PassiveScan.clip(value, 80))]
                }
            }
        }
        if let age = r.header("age").flatMap({ Int($0.trimmingWhitespace()) }), age > 0 {
            return [WebHit(parameter: "age", evidence: "Age: \(age)")]
        }
        return []
    }
}
