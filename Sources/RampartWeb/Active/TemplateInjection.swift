import RampartCore

/// Server-side template injection: `{{A*B}}` in a parameter comes back as the product.
enum TemplateInjection: ActiveRule {
    static let metadata = RuleMetadata.active(
        "90035", title: "Server-side template injection", severity: .high, cwe: 1336,
        documentation: """
        A parameter becomes part of a template's source (`render_template_string(f"…{name}")`), \
        so template expressions in it are evaluated on the server: with Jinja2 that is remote \
        code execution. Confirmed when two random factors come back multiplied, which only \
        evaluation can produce.

        **Fix:** pass user input to templates as variables (`render_template_string(source, name=name)`), \
        never into the template source; use a sandboxed environment for user-authored templates.
        """,
        examples: [
            .triggers("# GET http://app.test/hello?name=rmp%7B%7B1234%2A5678%7D%7Dx\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<h1>Hello rmp7006652x</h1>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/hello?name=rmp%7B%7B1234%2A5678%7D%7Dx\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<h1>Hello rmp{{1234*5678}}x</h1>\n", fileName: "probe.http"),
        ]
    )

    /// Jinja2/Django/Twig/Nunjucks, then Mako/FreeMarker/JSP EL, then ERB.
    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        ["rmp{{\(nonce.a)*\(nonce.b)}}x", "rmp${\(nonce.a)*\(nonce.b)}x"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for parameter in r.requestParameters {
            guard let (a, b) = Payload.factors(in: parameter.value, after: "rmp{{") ?? Payload.factors(in: parameter.value, after: "rmp${") else { continue }
            let proof = "rmp\(a * b)x"
            if Payload.body(r).contains(proof) { hits.append(WebHit(parameter: parameter.name, evidence: proof)) }
        }
        return hits
    }
}
