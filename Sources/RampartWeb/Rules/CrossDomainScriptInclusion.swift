import RampartCore

enum CrossDomainScriptInclusion: WebRule {
    static let metadata = RuleMetadata.web(
        "10017", title: "Cross-domain JavaScript source file inclusion", severity: .low, confidence: .medium, cwe: 829, owasp: .a08,
        documentation: """
        The page loads a script from another site without an `integrity` hash: that site's \
        code runs with this page's privileges (cookies, DOM, forms), so its compromise or \
        takeover is this site's compromise. Subdomains of the site's own domain \
        (`static.shop.test` on `www.shop.test`) are not another site.

        **Fix:** serve scripts yourself (Flask `static/`, Django `collectstatic`) or pin them \
        with `integrity="sha384-…" crossorigin="anonymous"`.
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.example.org/widget.js\"></script>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"//cdn.example.org/widget.js\"></script>\n", fileName: "page.http"),
            .passes("# GET https://www.shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://static.shop.test/app.js\"></script><script src=\"/local.js\"></script>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.example.org/widget.js\" integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\" crossorigin=\"anonymous\"></script>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        let host = URLHost.of(r.url)
        var hits: [WebHit] = []
        for token in r.tokens {
            guard case .startTag("script", let attributes, _) = token, let src = PassiveScan.attribute(attributes, "src")?.trimmingWhitespace(),
                  (PassiveScan.attribute(attributes, "integrity") ?? "").trimmingWhitespace().isEmpty else { continue }
            let lower = src.lowercased()
            guard lower.hasPrefix("//") || lower.hasPrefix("http://") || lower.hasPrefix("https://") else { continue }
            let scriptHost = URLHost.of(lower.hasPrefix("//") ? "https:" + src : src)
            guard !scriptHost.isEmpty, !PassiveScan.sameSite(scriptHost, host) else { continue }
            hits.append(WebHit(parameter: "src", evidence: "<script src=\"\(PassiveScan.clip(src, 150))\">"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
