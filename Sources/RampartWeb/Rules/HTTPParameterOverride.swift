import RampartCore

enum HTTPParameterOverride: WebRule {
    static let metadata = RuleMetadata.web(
        "10026", title: "HTTP parameter override (form without action)", severity: .info, confidence: .low, cwe: 20, owasp: .a04,
        documentation: """
        A POST form has no `action` (or an empty one): the browser submits it to the current \
        URL, query string included, so a crafted link (`/transfer?to=attacker`) adds \
        parameters the submission then carries, and frameworks that merge query and body \
        (Java servlets, Flask `request.values`, PHP `$_REQUEST`) may let them override the \
        form's fields. GET forms replace the query string and are not reported. Informational: \
        Flask's `request.form` and Django's `request.POST` read the body only, so on most \
        Python apps the page is not exploitable; ZAP rates it medium.

        **Fix:** give every form an explicit `action` (Flask `url_for(...)`, Django \
        `{% url ... %}`), and read form fields from the body only (`request.form`, not \
        `request.values`; Django `request.POST`).
        """,
        examples: [
            .triggers("# GET https://shop.test/transfer?from=campaign\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\"><input name=\"amount\"></form>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/transfer?from=campaign\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"/transfer\"><input name=\"amount\"></form>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/transfer\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"POST\" action=\"\"><input name=\"amount\"></form>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/search?q=x\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"get\"><input name=\"q\"></form>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.body.count < PassiveScan.maxScanBytes else { return [] }
        var hits: [WebHit] = []
        let tags = PassiveScan.formTags(in: r.body)
        var formIndex = -1
        for token in r.tokens {
            guard case .startTag("form", let attributes, _) = token else { continue }
            formIndex += 1
            let action = PassiveScan.attribute(attributes, "action")?.trimmingWhitespace()
            guard action == nil || action == "" || action == "#" else { continue }
            let method = PassiveScan.attribute(attributes, "method")?.lowercased() ?? "get"
            // A GET form replaces the query string: only POST forms keep the page's parameters.
            guard method == "post" else { continue }
            let id = PassiveScan.attribute(attributes, "id").map { " id=\"\(PassiveScan.clip($0, 40))\"" } ?? ""
            hits.append(WebHit(evidence: formIndex < tags.count ? tags[formIndex] : "<form method=\"\(method)\"\(id)>"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
