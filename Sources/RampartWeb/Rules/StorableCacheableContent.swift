import Foundation
import RampartCore

enum StorableCacheableContent: WebRule {
    static let metadata = RuleMetadata.web(
        "10049", title: "Storable and cacheable content", severity: .info, confidence: .medium, cwe: 524, owasp: .a04,
        documentation: """
        A page (HTML or JSON, not a static asset) may be stored and served again by shared \
        caches (proxies, CDNs): it says so (`public`, `s-maxage` or `max-age` above zero without \
        `private`, `no-cache` or `no-store`, or a future `Expires`), or it says nothing, and \
        RFC 9111 §4.2.2 lets caches assign a heuristic lifetime to a 200 without caching \
        headers. Fine for public pages; a leak if the page holds one user's data.

        **Fix:** send `Cache-Control: private` or `no-store` on pages with user data (Flask \
        `after_request` hook, Django `@cache_control(private=True)` / `@never_cache`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: public, max-age=600\n\n<html>Orders</html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html>Orders</html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: private, max-age=600\n\n<html>Orders</html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: no-cache\nLast-Modified: Tue, 03 Jun 2025 10:00:00 GMT\n\n<html>Orders</html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: application/json\nCache-Control: max-age=0, must-revalidate\n\n{}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nPragma: no-cache\nExpires: 0\n\n<html>Orders</html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), r.status != 204, r.method == "GET", r.isHTML || r.contentType.contains("json"), !r.isStaticAsset else { return [] }
        let values = r.headers("cache-control")
        let directives = CacheDirectives(values)
        if directives.has("no-store") || directives.has("private") || directives.has("no-cache") { return [] }
        if r.header("vary")?.trimmingWhitespace() == "*" { return [] }
        if (directives.seconds("s-maxage") ?? 0) > 0 || (directives.seconds("max-age") ?? 0) > 0 || (directives.has("public") && directives.seconds("max-age") == nil) {
            return [WebHit(parameter: "cache-control", evidence: "Cache-Control: " + PassiveScan.clip(values.joined(separator: ", "), 120))]
        }
        if directives.seconds("max-age") != nil || directives.seconds("s-maxage") != nil { return [] }
        if let expires = r.header("expires")?.trimmingWhitespace() {
            // A past or invalid date (`0`, `-1`) means already stale.
            let year = expires.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { $0 > 1900 }
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
            guard let year, year >= thisYear else { return [] }
            return [WebHit(parameter: "expires", evidence: "Expires: " + PassiveScan.clip(expires, 60))]
        }
        if values.isEmpty, !(r.header("pragma")?.lowercased().contains("no-cache") ?? false) {
            return [WebHit(parameter: "cache-control", evidence: "no Cache-Control or Expires: caches may assign a heuristic lifetime")]
        }
        return []
    }
}
