import RampartCore

enum CSPHeaderNotSet: WebRule {
    static let metadata = RuleMetadata.web(
        "10038", title: "Content Security Policy header not set", severity: .medium, cwe: 693,
        documentation: """
        The page sets no `Content-Security-Policy` (header or `<meta http-equiv>`), the browser's \
        main defence in depth against cross-site scripting and injected content. A report-only \
        policy does not protect. Checked on successful HTML pages.

        **Fix:** send a policy, starting from `default-src 'self'`, and tighten it per page.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head></head></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy-Report-Only: default-src 'self'\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: default-src 'self'\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.header("content-security-policy") == nil else { return [] }
        for token in r.tokens {
            if case .startTag("meta", let attributes, _) = token,
               attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "content-security-policy" }) { return [] }
        }
        return [WebHit(parameter: "content-security-policy")]
    }
}
