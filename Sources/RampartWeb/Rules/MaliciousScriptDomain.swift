import RampartCore
import RampartRegex

enum MaliciousScriptDomain: WebRule {
    static let metadata = RuleMetadata.web(
        "10115", title: "Script served from a malicious domain (polyfill.io family)", severity: .high, confidence: .high, cwe: 829, owasp: .a08,
        documentation: """
        The page loads a script from a domain of the polyfill.io supply-chain attack (2024: \
        `polyfill.io`, `bootcss.com`, `bootcdn.net`, `staticfile.org`, `staticfile.net` and \
        related hosts), which served malware to visitors of over 100,000 sites.

        **Fix:** remove the script (modern browsers need no polyfill service) or switch to a \
        trusted mirror such as `cdnjs.cloudflare.com/polyfill`, pinned with `integrity`.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.polyfill.io/v3/polyfill.min.js?features=default\"></script>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"//cdn.bootcdn.net/ajax/libs/jquery/3.6.0/jquery.min.js\"></script>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdnjs.cloudflare.com/polyfill/v3/polyfill.min.js\"></script>\n", fileName: "page.http"),
        ]
    )

    static let domains = ["polyfill.io", "polyfill.com", "bootcdn.net", "bootcss.com", "staticfile.net", "staticfile.org", "unionadjs.com",
                          "xhsbpza.com", "union.macoms.la", "newcrbpc.com", "googie-anaiytics.com", "kuurza.com"]

    static let mention = PassiveScan.literals(domains, caseInsensitive: true)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTML, r.body.count < PassiveScan.maxScanBytes else { return [] }
        // Cheap guard before tokenizing: one of the domains appears at all.
        guard PassiveScan.firstMatch(mention, in: r.body) != nil else { return [] }
        var hits: [WebHit] = []
        for token in r.tokens {
            guard case .startTag("script", let attributes, _) = token, let src = PassiveScan.attribute(attributes, "src")?.trimmingWhitespace() else { continue }
            let host = URLHost.of(src.hasPrefix("//") ? "https:" + src : src)
            guard domains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else { continue }
            hits.append(WebHit(parameter: "src", evidence: "<script src=\"\(PassiveScan.clip(src, 150))\">"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
