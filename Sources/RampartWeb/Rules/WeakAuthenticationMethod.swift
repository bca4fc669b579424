import RampartCore

enum WeakAuthenticationMethod: WebRule {
    static let metadata = RuleMetadata.web(
        "10105", title: "Weak authentication method (Basic or Digest over HTTP)", severity: .medium, confidence: .medium, cwe: 287, owasp: .a07,
        documentation: """
        The server asks for HTTP Basic or Digest credentials (`WWW-Authenticate`) over plain HTTP: \
        Basic sends the password base64-encoded (readable by anyone on the network) and Digest \
        uses MD5 and can be downgraded. A localhost server is not reported.

        **Fix:** serve the site over HTTPS only (redirect HTTP, send HSTS) and prefer a form or \
        token login; in Flask-HTTPAuth or Django behind a proxy, enforce TLS at the proxy.
        """,
        examples: [
            .triggers("# GET http://shop.test/admin/\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\"\nContent-Type: text/html\n\n<html>Unauthorized</html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/admin/\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\"\n\n", fileName: "page.http"),
            .passes("# GET http://localhost:5000/admin/\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\"\n\n", fileName: "page.http"),
            .passes("# GET http://shop.test/api/\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\"\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard !r.isHTTPS, !r.isLocalhost else { return [] }
        for value in r.headers("www-authenticate") + r.headers("proxy-authenticate") {
            let scheme = value.trimmingWhitespace().prefix { $0 != " " && $0 != "," }.lowercased()
            if scheme == "basic" || scheme == "digest" {
                return [WebHit(parameter: "www-authenticate", evidence: "WWW-Authenticate: " + PassiveScan.clip(value, 100))]
            }
        }
        return []
    }
}
