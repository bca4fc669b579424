import RampartCore

enum XDebugToken: WebRule {
    static let metadata = RuleMetadata.web(
        "10056", title: "X-Debug-Token header exposes the Symfony profiler", severity: .low, confidence: .high, cwe: 200, owasp: .a05,
        documentation: """
        The response carries `X-Debug-Token` or `X-Debug-Token-Link`, set by the Symfony web \
        profiler: the linked profile shows the request, its headers, session, queries and \
        configuration to anyone who opens it.

        **Fix:** disable the profiler in production (`APP_ENV=prod`, `framework.profiler` off); \
        the same holds for Python debug toolbars (`django-debug-toolbar`, `flask-debugtoolbar`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Debug-Token: 8e1f2a\nX-Debug-Token-Link: https://shop.test/_profiler/8e1f2a\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        if let link = r.header("x-debug-token-link"), !link.isEmpty {
            return [WebHit(parameter: "x-debug-token-link", evidence: "X-Debug-Token-Link: " + PassiveScan.clip(link, 120))]
        }
        if let token = r.header("x-debug-token"), !token.isEmpty {
            return [WebHit(parameter: "x-debug-token", evidence: "X-Debug-Token: " + PassiveScan.clip(token, 60))]
        }
        return []
    }
}
