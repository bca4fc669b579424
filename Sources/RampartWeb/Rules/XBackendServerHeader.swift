import RampartCore

enum XBackendServerHeader: WebRule {
    static let metadata = RuleMetadata.web(
        "10039", title: "X-Backend-Server header leaks a backend host", severity: .low, confidence: .medium, cwe: 200, owasp: .a05,
        documentation: """
        The response names the internal server that produced it (`X-Backend-Server`), typically \
        added by a load balancer or proxy: internal host names and addresses help an attacker map \
        the network behind the front end.

        **Fix:** strip the header at the proxy (nginx `proxy_hide_header X-Backend-Server;`) or \
        stop adding it.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nX-Backend-Server: app-03.internal.shop.test\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard let value = r.header("x-backend-server"), !value.trimmingWhitespace().isEmpty else { return [] }
        return [WebHit(parameter: "x-backend-server", evidence: "X-Backend-Server: " + PassiveScan.clip(value, 120))]
    }
}
