import RampartCore
import RampartRegex

enum InPageBannerLeak: WebRule {
    static let metadata = RuleMetadata.web(
        "10009", title: "In-page banner information leak", severity: .low, confidence: .high, cwe: 497, owasp: .a05,
        documentation: """
        An error page (4xx or 5xx) names the server software and its version (`nginx/1.18.0`, \
        `Apache/2.4.41`, `Werkzeug/2.0.1`, `gunicorn/20.1.0`): default error pages give away \
        what the `Server` header may have been configured to hide, telling an attacker which \
        known vulnerabilities to try.

        **Fix:** serve custom error pages (nginx `error_page` and `server_tokens off;`, Flask \
        `@app.errorhandler(404)`, Django `handler404` / `handler500` templates).
        """,
        examples: [
            .triggers("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html><body><center><h1>404 Not Found</h1></center><hr><center>nginx/1.18.0 (Ubuntu)</center></body></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<address>Apache/2.4.41 (Ubuntu) Server at shop.test Port 80</address>\n", fileName: "page.http"),
            .passes("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html><body><h1>404 Not Found</h1><hr><center>nginx</center></body></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>We upgraded to nginx/1.25.3 last week.</p>\n", fileName: "page.http"),
        ]
    )

    static let banner: ByteRegex? = try? ByteRegex(
        #"(?<![\w/.-])(?:Apache Tomcat|Apache-Coyote|Apache|nginx|openresty|Microsoft-IIS|Microsoft-HTTPAPI|lighttpd|LiteSpeed|Jetty|Werkzeug|gunicorn|uvicorn|Hypercorn|Waitress|mod_wsgi|mod_python|CherryPy|Tornado|TornadoServer|Caddy|Kestrel|Express|PHP|OpenSSL|Python|WildFly|JBoss|GlassFish|WebLogic|Resin|Varnish|Squid|Envoy|Oracle-HTTP-Server|IBM_HTTP_Server)/v?\d+(?:\.\d+)+[a-z]?"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard (400..<600).contains(r.status), r.isTextResponse, !r.isJavaScriptResponse else { return [] }
        var seen = Set<String>()
        var hits: [WebHit] = []
        for (_, text) in PassiveScan.matches(banner, in: r.body, limit: 50) where seen.insert(text).inserted {
            hits.append(WebHit(evidence: PassiveScan.clip(text, 100)))
            if hits.count >= 5 { break }
        }
        return hits
    }
}
