import RampartCore

enum XPoweredByHeader: WebRule {
    static let metadata = RuleMetadata.web(
        "10037", title: "X-Powered-By header discloses the framework", severity: .low, confidence: .high, cwe: 497,
        documentation: """
        `X-Powered-By` names the framework or language behind the site, and often its version.

        **Fix:** remove the header in the application or the reverse proxy.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nX-Powered-By: Express\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        r.headers("x-powered-by").map { WebHit(parameter: "x-powered-by", evidence: $0) }
    }
}
