import RampartCore

enum ReverseTabnabbing: WebRule {
    static let metadata = RuleMetadata.web(
        "10108", title: "Reverse tabnabbing", severity: .medium, cwe: 1022, owasp: .a04,
        documentation: """
        A link opens another site in a new tab (`target="_blank"`) without `rel="noopener"` or \
        `noreferrer`, so that site can navigate this page away (to a phishing copy) through \
        `window.opener`. Modern browsers imply `noopener`; older ones do not.

        **Fix:** add `rel="noopener noreferrer"` to links that open other sites in new tabs.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"https://other.test/\" target=\"_blank\">docs</a>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"https://other.test/\" target=\"_blank\" rel=\"noopener\">docs</a>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"/local\" target=\"_blank\">same site</a>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        let host = URLHost.of(r.url)
        var hits: [WebHit] = []
        for token in r.tokens {
            guard case .startTag(let name, let attributes, _) = token, name == "a" || name == "area" || name == "form" else { continue }
            func attr(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
            guard attr("target")?.lowercased() == "_blank", let href = attr("href") ?? attr("action") else { continue }
            let rel = (attr("rel") ?? "").lowercased()
            if rel.contains("noopener") || rel.contains("noreferrer") { continue }
            // Links that stay on the site cannot reach another origin's opener.
            guard href.contains("://"), URLHost.of(href) != host else { continue }
            hits.append(WebHit(evidence: "<\(name) href=\"\(href.prefix(120))\" target=\"_blank\">"))
        }
        return hits
    }
}
