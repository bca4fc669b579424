import RampartCore

enum SpectreSiteIsolation: WebRule {
    static let metadata = RuleMetadata.web(
        "90004", title: "Insufficient site isolation against Spectre", severity: .low, confidence: .medium, cwe: 693, owasp: .a05,
        documentation: """
        The page does not ask the browser to isolate it in its own process: \
        `Cross-Origin-Opener-Policy: same-origin` keeps other sites' windows out of its browsing \
        context group, `Cross-Origin-Embedder-Policy: require-corp` (with COOP, cross-origin \
        isolation) and `Cross-Origin-Resource-Policy` stop other sites from loading it into \
        their process, where side channels such as Spectre can read it. One instance per missing \
        or permissive header; checked on successful HTML pages.

        **Fix:** send `Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Resource-Policy: \
        same-origin` and, once embedded resources allow it, `Cross-Origin-Embedder-Policy: \
        require-corp` (Flask `after_request` hook, Django `SECURE_CROSS_ORIGIN_OPENER_POLICY` \
        plus a middleware for the others).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nCross-Origin-Opener-Policy: unsafe-none\nCross-Origin-Embedder-Policy: require-corp\nCross-Origin-Resource-Policy: same-origin\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nCross-Origin-Opener-Policy: same-origin\nCross-Origin-Embedder-Policy: require-corp\nCross-Origin-Resource-Policy: same-site\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html>Not found</html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        var hits: [WebHit] = []
        func require(_ name: String, _ title: String, _ accepted: Set<String>) {
            guard let value = r.header(name)?.trimmingWhitespace() else {
                hits.append(WebHit(parameter: name, evidence: "no \(title) header"))
                return
            }
            // A policy may carry parameters (`same-origin; report-to="x"`).
            let policy = value.prefix { $0 != ";" }.trimmingWhitespace().lowercased()
            if !accepted.contains(policy) { hits.append(WebHit(parameter: name, evidence: "\(title): " + PassiveScan.clip(value, 80))) }
        }
        require("cross-origin-opener-policy", "Cross-Origin-Opener-Policy", ["same-origin", "same-origin-allow-popups", "noopener-allow-popups"])
        require("cross-origin-embedder-policy", "Cross-Origin-Embedder-Policy", ["require-corp", "credentialless"])
        require("cross-origin-resource-policy", "Cross-Origin-Resource-Policy", ["same-origin", "same-site"])
        return hits
    }
}
