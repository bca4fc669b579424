import RampartCore

enum AntiClickjackingHeader: WebRule {
    static let metadata = RuleMetadata.web(
        "10020", title: "Missing anti-clickjacking header", severity: .medium, cwe: 1021,
        documentation: """
        The page can be framed by any site: it sends neither `X-Frame-Options` nor a \
        `Content-Security-Policy` with `frame-ancestors`, so an attacker can overlay it and trick \
        users into clicking (clickjacking). Checked on successful HTML pages only.

        **Fix:** send `Content-Security-Policy: frame-ancestors 'self'` (or `X-Frame-Options: DENY`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body>shop</body></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Frame-Options: DENY\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: frame-ancestors 'none'\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html>missing</html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        if r.headers("content-security-policy").contains(where: { $0.lowercased().contains("frame-ancestors") }) { return [] }
        let xfo = r.headers("x-frame-options")
        if xfo.isEmpty { return [WebHit(parameter: "x-frame-options")] }
        let value = xfo[0].lowercased()
        if xfo.count > 1 || !(value == "deny" || value == "sameorigin") { return [WebHit(parameter: "x-frame-options", evidence: xfo.joined(separator: ", "))] }
        return []
    }
}
