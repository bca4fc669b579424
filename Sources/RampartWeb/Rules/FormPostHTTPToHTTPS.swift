import RampartCore

enum FormPostHTTPToHTTPS: WebRule {
    static let metadata = RuleMetadata.web(
        "10041", title: "HTTP to HTTPS insecure transition in form post", severity: .medium, confidence: .medium, cwe: 319, owasp: .a02,
        documentation: """
        A page served over plain HTTP holds a form that posts to HTTPS: the submission is \
        encrypted, but the form itself is not, so anyone on the network can change where it \
        posts or add a script that reads what the user types. A localhost page is not reported.

        **Fix:** serve the page holding the form over HTTPS too (redirect all HTTP to HTTPS: \
        Django `SECURE_SSL_REDIRECT = True`, Flask-Talisman `force_https`).
        """,
        examples: [
            .triggers("# GET http://shop.test/login\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"https://shop.test/session\"><input type=\"password\" name=\"pw\"></form>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/login\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"https://shop.test/session\"><input type=\"password\" name=\"pw\"></form>\n", fileName: "page.http"),
            .passes("# GET http://localhost:5000/login\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"https://shop.test/session\"></form>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.url.lowercased().hasPrefix("http://"), !r.isLocalhost, r.body.count < PassiveScan.maxScanBytes else { return [] }
        let (base, forms) = PassiveScan.rawForms(r.tokens)
        var hits: [WebHit] = []
        for form in forms {
            let target = PassiveScan.formScheme(action: form.action, base: base, pageURL: r.url)
            guard target.scheme == "https" else { continue }
            hits.append(WebHit(evidence: "<form method=\"\(form.method)\" action=\"\(PassiveScan.clip(form.action ?? target.url, 140))\">"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
