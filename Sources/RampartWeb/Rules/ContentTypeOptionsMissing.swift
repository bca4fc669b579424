import RampartCore

enum ContentTypeOptionsMissing: WebRule {
    static let metadata = RuleMetadata.web(
        "10021", title: "X-Content-Type-Options header missing", severity: .low, cwe: 693,
        documentation: """
        Without `X-Content-Type-Options: nosniff` some browsers guess a response's type from its \
        content and may run uploaded text as script or style. Checked on successful HTML pages.

        **Fix:** send `X-Content-Type-Options: nosniff` on every response.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Content-Type-Options: nosniff\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 302 Found\nLocation: /\nContent-Type: text/html\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.header("x-content-type-options")?.lowercased().contains("nosniff") != true else { return [] }
        return [WebHit(parameter: "x-content-type-options", evidence: r.header("x-content-type-options"))]
    }
}
