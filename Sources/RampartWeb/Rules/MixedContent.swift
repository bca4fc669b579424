import RampartCore

enum MixedContent: WebRule {
    static let metadata = RuleMetadata.web(
        "10040", title: "Secure page includes mixed content", severity: .low, confidence: .medium, cwe: 311, owasp: .a02,
        documentation: """
        An HTTPS page loads resources over plain `http://`: anyone on the network can read or \
        replace them. Scripts, stylesheets, frames and objects (active content) can take over \
        the page and are reported at medium severity; images and media at low. Loopback \
        addresses count as secure, as browsers treat them.

        **Fix:** load every resource over HTTPS (or a relative URL), and send \
        `Content-Security-Policy: upgrade-insecure-requests` as a safety net.
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"http://cdn.example.org/lib.js\"></script>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<img src=\"http://img.example.org/logo.png\">\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"https://cdn.example.org/lib.js\"></script><a href=\"http://example.org/\">link</a><img src=\"http://localhost:8000/x.png\">\n", fileName: "page.http"),
            .passes("# GET http://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"http://cdn.example.org/lib.js\"></script>\n", fileName: "page.http"),
        ]
    )

    /// Elements and the attribute holding the URL they load; `true` for active content.
    static let loaders: [String: (attribute: String, active: Bool)] = [
        "script": ("src", true), "iframe": ("src", true), "frame": ("src", true), "embed": ("src", true), "object": ("data", true),
        "img": ("src", false), "audio": ("src", false), "video": ("src", false), "source": ("src", false), "track": ("src", false),
        "input": ("src", false),
    ]

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTTPS, r.isSuccessfulHTML else { return [] }
        var hits: [WebHit] = []
        for token in r.tokens {
            guard case .startTag(let name, let attributes, _) = token else { continue }
            var url: String?
            var active = false
            if name == "link" {
                let rel = (PassiveScan.attribute(attributes, "rel") ?? "").lowercased()
                guard rel.contains("stylesheet") || rel.contains("preload") || rel.contains("modulepreload") || rel.contains("icon") else { continue }
                url = PassiveScan.attribute(attributes, "href")
                active = !rel.contains("icon")
            } else if let loader = loaders[name] {
                url = PassiveScan.attribute(attributes, loader.attribute)
                active = loader.active
            }
            guard let url = url?.trimmingWhitespace(), url.lowercased().hasPrefix("http://"), !r.isExemptHost(URLHost.of(url)) else { continue }
            hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("<\(name) … \"\(PassiveScan.clip(url, 140))\">", 200), severity: active ? .medium : .low))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
