import Foundation
import RampartCore

enum CacheControlDirectives: WebRule {
    static let metadata = RuleMetadata.web(
        "10015", title: "Re-examine Cache-Control directives", severity: .info, confidence: .low, cwe: 525, owasp: .a04,
        documentation: """
        A page (HTML or JSON, not a static asset) sends no `Cache-Control`, or one that lets \
        browsers and shared caches keep it (none of `no-store`, `no-cache`, `private`, \
        `max-age=0`). If the page shows account data, a later user of the same browser or a \
        proxy may see it. Review which pages are personal; public pages may stay cacheable.

        **Fix:** for personal pages send `Cache-Control: no-store` (Flask \
        `response.cache_control.no_store = True` in an `after_request` hook, Django \
        `@never_cache` or `patch_cache_control(response, no_store=True)`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html>Account</html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\nCache-Control: public, max-age=3600\n\n{\"balance\": 3}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: no-store\n\n<html>Account</html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: private, max-age=60\n\n<html>Account</html>\n", fileName: "page.http"),
            .passes("# GET http://shop.test/static/site.css\nHTTP/1.1 200 OK\nContent-Type: text/css\n\nbody{}\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), r.status != 204, !r.body.isEmpty, r.isHTML || r.contentType.contains("json"), !r.isStaticAsset else { return [] }
        let values = r.headers("cache-control")
        guard !values.isEmpty else { return [WebHit(parameter: "cache-control", evidence: "no Cache-Control header")] }
        let directives = CacheDirectives(values)
        if directives.has("no-store") || directives.has("no-cache") || directives.has("private") || directives.seconds("max-age") == 0 { return [] }
        return [WebHit(parameter: "cache-control", evidence: "Cache-Control: " + PassiveScan.clip(values.joined(separator: ", "), 120))]
    }
}

/// `Cache-Control` directives, lower-cased, with their values.
struct CacheDirectives {
    var values: [String: String] = [:]

    init(_ headers: [String]) {
        for header in headers {
            for part in header.split(separator: ",") {
                let pieces = part.split(separator: "=", maxSplits: 1)
                guard let name = pieces.first?.trimmingWhitespace().lowercased(), !name.isEmpty else { continue }
                values[name] = pieces.count > 1 ? pieces[1].trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
            }
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil }
    func seconds(_ name: String) -> Int? { values[name].flatMap { Int($0) } }
}
