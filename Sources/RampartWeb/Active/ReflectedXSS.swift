import RampartCore

/// Reflected XSS: a unique tag and quotes that come back unescaped where they change the page's
/// structure (a new element, an attribute or script string broken out of).
enum ReflectedXSS: ActiveRule {
    static let metadata = RuleMetadata.active(
        "40012", title: "Cross-site scripting (reflected)", severity: .high, cwe: 79,
        documentation: """
        A request parameter is written back into the HTML page without escaping: an attacker's \
        link makes the victim's browser run script in the site's origin (session theft, actions \
        as the user). Confirmed by a unique element (`<rmpNNNNx>`) or quotes breaking out of an \
        attribute or script string, never by a mere reflection.

        **Fix:** let the template engine escape (Jinja2 autoescape, Django templates); never mark \
        user input `|safe` or `Markup()`, and build JSON for scripts with `tojson`.
        """,
        examples: [
            .triggers("# GET http://app.test/search?q=rmp1234%22%27%3Crmp1234x%3E\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Results for rmp1234\"'<rmp1234x></p>\n", fileName: "probe.http"),
            .triggers("# GET http://app.test/p?name=rmp1234%22%27%3Crmp1234x%3E\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<input value=\"rmp1234\"'&lt;rmp1234x&gt;\">\n", fileName: "probe.http"),
            .passes("# GET http://app.test/search?q=rmp1234%22%27%3Crmp1234x%3E\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Results for rmp1234&#34;&#39;&lt;rmp1234x&gt;</p>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/item?id=rmp1234%22%27%3Crmp1234x%3E\nHTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<p>unrecognized token: &#34;&#39;&lt;rmp1234x&gt;</p>\n<!--\nTraceback: unrecognized token: \"'<rmp1234x>\"\n-->\n", fileName: "probe.http"),
            .passes("# GET http://app.test/api?q=rmp1234%22%27%3Crmp1234x%3E\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"q\": \"rmp1234\\\"'<rmp1234x>\"}\n", fileName: "probe.http"),
        ]
    )

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        ["\(nonce.canary)\"'<\(nonce.canary)x>"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTML else { return [] }
        var hits: [WebHit] = []
        for parameter in r.requestParameters {
            guard let canary = Payload.canary(in: parameter.value), parameter.value.contains("<\(canary)x>") else { continue }
            let body = Payload.body(r)
            if Payload.rendered("<\(canary)x>", in: body) {
                hits.append(WebHit(parameter: parameter.name, evidence: "<\(canary)x>"))
            } else if let range = body.range(of: "\(canary)\"'") {
                // Quotes unescaped: dangerous inside a tag (attribute) or a script.
                let before = body[..<range.lowerBound]
                let lastOpen = before.range(of: "<", options: .backwards)?.lowerBound
                let lastClose = before.range(of: ">", options: .backwards)?.lowerBound
                let inTag = Payload.isAfter(lastOpen, lastClose)
                let scriptOpen = before.range(of: "<script", options: [.backwards, .caseInsensitive])?.lowerBound
                let scriptClose = before.range(of: "</script", options: [.backwards, .caseInsensitive])?.lowerBound
                let inScript = Payload.isAfter(scriptOpen, scriptClose)
                if inTag || inScript { hits.append(WebHit(parameter: parameter.name, evidence: "\(canary)\"'", confidence: .medium)) }
            }
        }
        return hits
    }
}
