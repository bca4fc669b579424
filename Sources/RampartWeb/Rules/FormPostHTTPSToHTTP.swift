import RampartCore

enum FormPostHTTPSToHTTP: WebRule {
    static let metadata = RuleMetadata.web(
        "10042", title: "HTTPS to HTTP insecure transition in form post", severity: .medium, confidence: .medium, cwe: 319, owasp: .a02,
        documentation: """
        An HTTPS page holds a form that submits to plain `http://`: whatever the user enters \
        (credentials, personal data) crosses the network unencrypted, and browsers warn about \
        it. Forms posting to a loopback address are not reported.

        **Fix:** point the form at an HTTPS or relative URL (Flask `url_for(..., _external=True, \
        _scheme="https")`, or simply `url_for(...)`; Django `{% url %}`).
        """,
        examples: [
            .triggers("# GET https://shop.test/checkout\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"http://pay.shop.test/charge\"><input name=\"card\"></form>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/checkout\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"/charge\"><input name=\"card\"></form>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.isHTTPS, r.body.count < PassiveScan.maxScanBytes else { return [] }
        let (base, forms) = PassiveScan.rawForms(r.tokens)
        var hits: [WebHit] = []
        for form in forms {
            let target = PassiveScan.formScheme(action: form.action, base: base, pageURL: r.url)
            guard target.scheme == "http", !r.isExemptHost(URLHost.of(target.url)) else { continue }
            hits.append(WebHit(evidence: "<form method=\"\(form.method)\" action=\"\(PassiveScan.clip(form.action ?? target.url, 140))\">"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
