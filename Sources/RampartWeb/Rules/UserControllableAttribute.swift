import RampartCore

enum UserControllableAttribute: WebRule {
    static let metadata = RuleMetadata.web(
        "10031", title: "User controllable HTML element attribute (potential XSS)", severity: .info, confidence: .low, cwe: 20, owasp: .a03,
        documentation: """
        A request parameter's value comes back as an HTML attribute value (the whole value, its \
        start, or a query value inside a URL): a starting point for cross-site scripting if the \
        application ever fails to encode quotes there, or if the attribute is a URL (`href`, \
        `src`, `action`) that accepts `javascript:`. Event handler attributes are reported by \
        `web/10043`; numbers and common words (`true`, `en`) are not compared.

        **Fix:** keep Jinja2 autoescaping on (never `|safe` or `Markup()` on user input), quote \
        every attribute, and validate URLs' schemes before putting them in `href`/`src`.
        """,
        examples: [
            .triggers("# GET https://shop.test/search?q=running+shoes\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form><input name=\"q\" value=\"running shoes\"></form>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/login?next=/account/orders\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"/signup?next=/account/orders\">Sign up</a>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/admin/login/?next=/admin/&version=5.3\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<link rel=\"stylesheet\" href=\"/static/admin/css/base.css\"><input type=\"search\" data-version=\"5.3\">\n", fileName: "page.http"),
            .passes("# GET https://shop.test/search?q=running+shoes&page=2\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<form><input name=\"q\" value=\"\"></form><a data-page=\"2\" href=\"/search?page=3\">next</a>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        let parameters = PassiveScan.reflectableParameters(of: r)
        guard !parameters.isEmpty else { return [] }
        var hits: [WebHit] = []
        var reported = Set<String>()
        for token in r.tokens {
            guard case .startTag(let element, let attributes, _) = token else { continue }
            // Event handlers are web/10043's, a charset web/10030's.
            for attribute in attributes where !attribute.name.hasPrefix("on") && attribute.name != "charset" && !attribute.value.isEmpty {
                // A token the server issued and the form sent back is the server's value.
                for (name, value) in parameters where !reported.contains(name) && !AntiCSRFTokensMissing.isTokenName(name) {
                    let lowerAttribute = attribute.value.lowercased(), lowerValue = value.lowercased()
                    // The whole value, its start (a URL's scheme and host), or a query value inside it.
                    guard lowerAttribute == lowerValue || (value.count >= 6 && lowerAttribute.hasPrefix(lowerValue))
                        || (value.count >= 4 && lowerAttribute.contains("=" + lowerValue)) else { continue }
                    reported.insert(name)
                    hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("<\(element) \(attribute.name)=\"\(PassiveScan.clip(attribute.value, 120))\">", 200)))
                }
            }
            if hits.count >= PassiveScan.maxHits || reported.count == parameters.count { break }
        }
        return hits
    }
}
