import RampartCore

/// Server-side code injection: Python's `eval` runs an expression smuggled in a parameter.
enum CodeInjection: ActiveRule {
    static let metadata = RuleMetadata.active(
        "90019", title: "Server-side code injection", severity: .high, cwe: 94,
        documentation: """
        A parameter reaches `eval` (or `exec`): the attacker's expression runs in the server's \
        Python process. Confirmed when an expression computing the product of two random \
        factors comes back evaluated.

        **Fix:** never evaluate input; parse literals with `ast.literal_eval` or `json.loads`, \
        and map operations to functions.
        """,
        examples: [
            .triggers("# GET http://app.test/calc?expr=%27rmp%27%2Bstr%281234%2A5678%29%2B%27x%27\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>= rmp7006652x</p>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/calc?expr=%27rmp%27%2Bstr%281234%2A5678%29%2B%27x%27\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>= 'rmp'+str(1234*5678)+'x'</p>\n", fileName: "probe.http"),
        ]
    )

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        ["'rmp'+str(\(nonce.a)*\(nonce.b))+'x'", "\(value)'+'rmp'+str(\(nonce.a)*\(nonce.b))+'x'+'"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for parameter in r.requestParameters {
            guard let (a, b) = Payload.factors(in: parameter.value, after: "'rmp'+str(") else { continue }
            let proof = "rmp\(a * b)x"
            if Payload.body(r).contains(proof) { hits.append(WebHit(parameter: parameter.name, evidence: proof)) }
        }
        return hits
    }
}
