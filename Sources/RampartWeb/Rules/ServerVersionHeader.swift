import RampartCore

enum ServerVersionHeader: WebRule {
    static let metadata = RuleMetadata.web(
        "10036", title: "Server header discloses its version", severity: .low, confidence: .high, cwe: 497, owasp: .a05,
        documentation: """
        The `Server` header names the software and its version (`Werkzeug/2.0.1 Python/3.8.10`, \
        `nginx/1.18.0`), which tells an attacker which known vulnerabilities to try.

        **Fix:** configure the server to send no version (nginx `server_tokens off;`, gunicorn \
        behind a proxy that rewrites the header), or drop the header.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nServer: Werkzeug/2.0.1 Python/3.8.10\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nServer: nginx\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard let server = r.header("server"), server.contains(where: \.isNumber) else { return [] }
        return [WebHit(parameter: "server", evidence: server)]
    }
}
