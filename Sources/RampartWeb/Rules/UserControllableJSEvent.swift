import RampartCore

enum UserControllableJSEvent: WebRule {
    static let metadata = RuleMetadata.web(
        "10043", title: "User controllable JavaScript event (XSS)", severity: .info, confidence: .low, cwe: 20, owasp: .a03,
        documentation: """
        A request parameter's value appears inside an event handler attribute (`onclick`, \
        `onload`, `onerror`…): the attribute is JavaScript, so HTML escaping alone does not stop \
        a value like `');alert(1);//` from running. Numbers and common words are not compared.

        **Fix:** never put request data in event handlers; pass it through a `data-` attribute \
        read by a script, or JSON-encode it (Jinja2 `|tojson`, Django `json_script`).
        """,
        examples: [
            .triggers("# GET https://shop.test/item?ref=summer-sale\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<button onclick=\"track('summer-sale')\">Buy</button>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/item?ref=summer-sale\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<button data-ref=\"summer-sale\" onclick=\"track(this.dataset.ref)\">Buy</button>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        let parameters = PassiveScan.reflectableParameters(of: r)
        guard !parameters.isEmpty else { return [] }
        var hits: [WebHit] = []
        var reported = Set<String>()
        for token in r.tokens {
            guard case .startTag(let element, let attributes, _) = token else { continue }
            for attribute in attributes where attribute.name.hasPrefix("on") && attribute.name.count > 2 {
                for (name, value) in parameters where !reported.contains(name) && attribute.value.contains(value) {
                    reported.insert(name)
                    hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("<\(element) \(attribute.name)=\"\(PassiveScan.clip(attribute.value, 120))\">", 200)))
                }
            }
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
