import RampartCore

enum SubresourceIntegrityMissing: WebRule {
    static let metadata = RuleMetadata.web(
        "90003", title: "Sub-resource integrity attribute missing", severity: .medium, cwe: 345, owasp: .a08,
        documentation: """
        A script or stylesheet is loaded from another origin (a CDN) without an `integrity` hash: \
        if that host is compromised, its code runs in this site's pages (as in the polyfill.io \
        incident).

        **Fix:** add `integrity="sha384-…"` and `crossorigin="anonymous"`, or serve the file yourself.
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.example.org/lib.js\"></script>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.example.org/lib.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"/static/app.js\"></script>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        let host = URLHost.of(r.url)
        var hits: [WebHit] = []
        for token in r.tokens {
            guard case .startTag(let name, let attributes, _) = token else { continue }
            func attr(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
            let source: String?
            switch name {
            case "script": source = attr("src")
            case "link" where (attr("rel") ?? "").lowercased().contains("stylesheet"): source = attr("href")
            default: source = nil
            }
            guard let source, source.contains("//"), URLHost.of(source.hasPrefix("//") ? "https:" + source : source) != host,
                  (attr("integrity") ?? "").isEmpty else { continue }
            hits.append(WebHit(evidence: "<\(name) \(name == "script" ? "src" : "href")=\"\(source.prefix(120))\">"))
        }
        return hits
    }
}
