import Foundation
import RampartCore

/// Open redirect: a parameter sends the browser to any site (Location, meta refresh or script).
enum OpenRedirect: ActiveRule {
    static let metadata = RuleMetadata.active(
        "20019", title: "External redirect (open redirect)", severity: .high, cwe: 601, owasp: .a01,
        documentation: """
        A parameter decides where the site redirects, and any outside address is accepted: \
        phishing links then start on the trusted domain, and OAuth-style flows leak tokens. \
        Probed with a unique host under `.example`; confirmed when the `Location` header, a meta \
        refresh or a script navigation sends the browser there.

        **Fix:** redirect only to relative paths or an allow-list of hosts (Django \
        `url_has_allowed_host_and_scheme`, a check of `urlparse(next).netloc` in Flask).
        """,
        examples: [
            .triggers("# GET http://app.test/login?next=https%3A%2F%2Frmp1234.example%2F\nHTTP/1.1 302 FOUND\nLocation: https://rmp1234.example/\n\n", fileName: "probe.http"),
            .triggers("# GET http://app.test/go?to=%2F%2Frmp1234.example%2F\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<meta http-equiv=\"refresh\" content=\"0; url=//rmp1234.example/\">\n", fileName: "probe.http"),
            .passes("# GET http://app.test/login?next=https%3A%2F%2Frmp1234.example%2F\nHTTP/1.1 302 FOUND\nLocation: /\n\n", fileName: "probe.http"),
            .passes("# GET http://app.test/login?next=https%3A%2F%2Frmp1234.example%2F\nHTTP/1.1 302 FOUND\nLocation: /login?next=https%3A%2F%2Frmp1234.example%2F\n\n", fileName: "probe.http"),
        ]
    )

    /// Parameters that usually carry a destination; others are probed only when their value
    /// looks like a URL or a path.
    static let names: Set<String> = ["next", "url", "redirect", "redirect_uri", "redirect_url", "return", "return_to", "returnto", "returnurl", "goto", "dest", "destination", "target", "continue", "to", "r", "u", "link", "forward", "callback", "came_from"]

    static func wants(_ name: String, value: String) -> Bool {
        names.contains(name.lowercased()) || value.hasPrefix("/") || value.lowercased().hasPrefix("http")
    }

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        ["https://\(nonce.canary).example/", "//\(nonce.canary).example/"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        let probes = Payload.parameters(of: r, containing: ".example/")
        guard !probes.isEmpty else { return [] }
        var targets: [String] = []
        if (300..<400).contains(r.status), let location = r.header("location") { targets.append(location) }
        if r.isHTML {
            for token in r.tokens.prefix(5000) {
                if case .startTag("meta", let attributes, _) = token, attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
                   let content = attributes.first(where: { $0.name == "content" })?.value, let range = content.range(of: "url=", options: .caseInsensitive) {
                    targets.append(String(content[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")))
                }
            }
            targets += PageLinks.scriptNavigations(r.text).prefix(50)
        }
        var hits: [WebHit] = []
        for probe in probes {
            guard let canary = Payload.canary(in: probe.value) else { continue }
            let host = "\(canary).example"
            for target in targets {
                guard let base = URL(string: r.url), let resolved = PageLinks.resolve(target, against: base), resolved.host?.lowercased() == host else { continue }
                hits.append(WebHit(parameter: probe.name, evidence: String(target.prefix(200))))
                break
            }
        }
        return hits
    }
}
