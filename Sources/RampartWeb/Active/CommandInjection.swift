import RampartCore

/// OS command injection: a shell evaluates `$((A*B))` smuggled after a separator.
enum CommandInjection: ActiveRule {
    static let metadata = RuleMetadata.active(
        "90020", title: "Remote OS command injection", severity: .high, cwe: 78,
        documentation: """
        A parameter reaches a shell command line (`os.system`, `subprocess` with `shell=True`), \
        and a separator in it runs a command of the attacker's: full control of the server. \
        Confirmed by output only a shell produces: the product of two random factors computed by \
        `$((A*B))`.

        **Fix:** call programs with an argument list and no shell (`subprocess.run([...])`); \
        validate values against an allow-list.
        """,
        examples: [
            .triggers("# GET http://app.test/ping?host=127.0.0.1%3Becho+rmp%24%28%281234%2A5678%29%29x\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>PING 127.0.0.1\nrmp7006652x\n</pre>\n", fileName: "probe.http"),
            .triggers("# POST http://app.test/ping\n# body: host=127.0.0.1%7Cecho+rmp%24%28%281234%2A5678%29%29x\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>rmp7006652x</pre>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/ping?host=127.0.0.1%3Becho+rmp%24%28%281234%2A5678%29%29x\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>ping: 127.0.0.1;echo rmp$((1234*5678))x: Name or service not known</pre>\n", fileName: "probe.http"),
        ]
    )

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        let echo = "echo rmp$((\(nonce.a)*\(nonce.b)))x"
        return ["\(value);\(echo)", "\(value)|\(echo)", "\(value)$(\(echo))", "\(value)`\(echo)`", "\(value)\n\(echo)"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for parameter in r.requestParameters {
            guard let (a, b) = Payload.factors(in: parameter.value, after: "rmp$((") else { continue }
            let proof = "rmp\(a * b)x"
            if Payload.body(r).contains(proof) { hits.append(WebHit(parameter: parameter.name, evidence: proof)) }
        }
        return hits
    }
}
