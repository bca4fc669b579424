import RampartCore

enum ContentTypeMissing: WebRule {
    static let metadata = RuleMetadata.web(
        "10019", title: "Content-Type header missing", severity: .info, confidence: .high, cwe: 345, owasp: .a05,
        documentation: """
        A response with a body sends no `Content-Type` (or an empty one), so the browser guesses \
        the type from the content: a user upload or a JSON answer holding markup may then be run \
        as HTML or script.

        **Fix:** set the type on every response (Flask `Response(..., mimetype=...)` or `jsonify`, \
        Django `HttpResponse(content_type=...)`), and send `X-Content-Type-Options: nosniff`.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Length: 20\n\n<html>hello</html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: \n\n{\"ok\": true}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<html>hello</html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 204 No Content\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard !r.body.isEmpty, r.status != 204, r.status != 304, r.method != "HEAD",
              r.body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return [] }
        guard let type = r.header("content-type") else { return [WebHit(parameter: "content-type", evidence: "no Content-Type header")] }
        return type.trimmingWhitespace().isEmpty ? [WebHit(parameter: "content-type", evidence: "Content-Type: (empty)")] : []
    }
}
