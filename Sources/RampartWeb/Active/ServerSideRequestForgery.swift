import RampartCore

/// Server-side request forgery: a parameter makes the server request a URL of the attacker's.
/// Payloads point at a canary listener the scan starts on 127.0.0.1; a request reaching it with
/// the probe's unique path is the proof (the active scan reports it). When the application
/// shows what it fetched, the canary's unique body in the response proves it too (this check).
enum ServerSideRequestForgery: ActiveRule {
    static let metadata = RuleMetadata.active(
        "40046", title: "Server-side request forgery", severity: .high, confidence: .high, cwe: 918, owasp: .a10,
        documentation: """
        The server fetches a URL taken from a request parameter: an attacker makes it reach \
        internal services (cloud metadata at 169.254.169.254, admin ports, databases) from inside \
        the network. Probed with a URL of a canary listener the scan runs on 127.0.0.1, unique \
        per parameter; confirmed only when the canary receives that request (or its unique \
        answer shows in the page). Probed on loopback targets, where the canary is reachable.

        **Fix:** fetch only from an allow-list of hosts; resolve the name and refuse private, \
        loopback and link-local addresses (and re-check after redirects); never pass a user's URL \
        to `requests.get` or `urllib.request.urlopen` as it is.
        """,
        examples: [
            .triggers("# GET http://app.test/fetch?url=http%3A%2F%2F127.0.0.1%3A9%2Frmp1234ssrf\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>rampart-canary rmp1234ssrf</pre>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/fetch?url=http%3A%2F%2F127.0.0.1%3A9%2Frmp1234ssrf\nHTTP/1.1 400 BAD REQUEST\nContent-Type: text/html\n\n<p>Not allowed: http://127.0.0.1:9/rmp1234ssrf</p>\n", fileName: "probe.http"),
        ]
    )

    /// The canary's answer to a probe path: what a page that shows fetched content carries.
    static func answer(for token: String) -> String { "rampart-canary \(token)" }

    /// Parameters worth pointing at the canary: a URL value, or a name that says it holds one.
    static func wants(_ name: String, value: String) -> Bool {
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") { return true }
        let key = name.lowercased()
        return ["url", "uri", "link", "src", "source", "dest", "target", "feed", "host", "site", "callback", "webhook", "fetch", "proxy", "image", "avatar", "endpoint"]
            .contains { key.contains($0) }
    }

    /// Probes are built by the active scan, which knows the canary's port.
    static func payloads(for value: String, nonce: ProbeNonce) -> [String] { [] }

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for parameter in r.requestParameters {
            guard let canary = Payload.canary(in: parameter.value), parameter.value.contains("\(canary)ssrf") else { continue }
            let answer = answer(for: "\(canary)ssrf")
            if Payload.body(r).contains(answer) { hits.append(WebHit(parameter: parameter.name, evidence: answer)) }
        }
        return hits
    }
}
