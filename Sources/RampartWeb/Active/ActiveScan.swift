import Foundation
import RampartCore

/// Where a probe goes: a request seen in the crawl (a link with a query, a form) and its
/// parameters, one of which the probe replaces.
struct InjectionPoint: Sendable {
    var method: String
    /// The URL without its query (GET) or the form's action (POST).
    var url: String
    var parameters: [(name: String, value: String)]

    /// The request with `parameter`'s value replaced by `value`.
    func request(replacing parameter: Int? = nil, with value: String = "") -> WebRequest {
        var pairs = parameters
        if let parameter { pairs[parameter].value = value }
        let encoded = FormEncoding.encode(pairs)
        if method == "POST" { return WebRequest(method: "POST", url: url, body: encoded) }
        return WebRequest(url: encoded.isEmpty ? url : url + "?" + encoded)
    }

    /// Links with a query and forms, one point per method, path and parameter names.
    static func collect(exchanges: [WebExchange], forms: [(page: String, form: PageLinks.Form)], inScope: (URL) -> Bool) -> [InjectionPoint] {
        var points: [InjectionPoint] = []
        var seen = Set<String>()
        func add(_ point: InjectionPoint) {
            guard !point.parameters.isEmpty, let url = URL(string: point.url), inScope(url), !Crawler.isLogout(point.url) else { return }
            let signature = point.method + " " + point.url + " " + point.parameters.map(\.name).sorted().joined(separator: "&")
            if seen.insert(signature).inserted { points.append(point) }
        }
        for exchange in exchanges where exchange.method == "GET" {
            guard let components = URLComponents(string: exchange.url), let query = components.percentEncodedQuery, !query.isEmpty else { continue }
            var bare = components
            bare.percentEncodedQuery = nil
            bare.fragment = nil
            guard let url = bare.string else { continue }
            add(InjectionPoint(method: "GET", url: url, parameters: FormEncoding.decode(query)))
        }
        for (_, form) in forms {
            guard let request = form.request() else { continue }
            if request.method == "POST" {
                add(InjectionPoint(method: "POST", url: request.url, parameters: FormEncoding.decode(request.body ?? "")))
            } else if var components = URLComponents(string: request.url) {
                let query = components.percentEncodedQuery ?? ""
                components.percentEncodedQuery = nil
                if let url = components.string { add(InjectionPoint(method: "GET", url: url, parameters: FormEncoding.decode(query))) }
            }
        }
        return points
    }
}

/// The light active scan (`--active`): every active rule's payloads in every parameter of every
/// injection point, within the scan's request and time budget; plus SQL injection by boolean
/// differential. Only the crawled origin is probed.
struct ActiveScan {
    let client: WebClient
    let rules: [any ActiveRule.Type]
    let concurrency: Int

    struct Hit {
        var rule: RuleMetadata
        var exchange: WebExchange
        var hit: WebHit
    }

    struct Outcome {
        var hits: [Hit] = []
        var requests = 0
        var errors = 0
        var skipped = 0
    }

    private struct Probe: Sendable {
        var request: WebRequest
        var rule: Int?
        var point: Int
        var parameter: Int
        var role: Role
    }

    private enum Role: Sendable {
        case payload, baseline, baselineAgain, sqlTrue(String), sqlFalse(String)
    }

    func run(points: [InjectionPoint]) async -> Outcome {
        var generator = SystemRandomNumberGenerator()
        var probes: [Probe] = []
        for (p, point) in points.enumerated() {
            probes.append(Probe(request: point.request(), rule: nil, point: p, parameter: -1, role: .baseline))
            probes.append(Probe(request: point.request(), rule: nil, point: p, parameter: -1, role: .baselineAgain))
            for (i, parameter) in point.parameters.enumerated() {
                for (r, rule) in rules.enumerated() {
                    if rule == OpenRedirect.self, !OpenRedirect.wants(parameter.name, value: parameter.value) { continue }
                    if rule == PathTraversal.self, !PathTraversal.wants(parameter.name, value: parameter.value) { continue }
                    let nonce = ProbeNonce.random(using: &generator)
                    for payload in rule.payloads(for: parameter.value, nonce: nonce) {
                        probes.append(Probe(request: point.request(replacing: i, with: payload), rule: r, point: p, parameter: i, role: .payload))
                    }
                }
                if rules.contains(where: { $0 == SQLInjection.self }) {
                    let n = Int.random(in: 1000...9999, using: &generator)
                    let isNumber = !parameter.value.isEmpty && parameter.value.allSatisfy(\.isNumber)
                    let pairs = isNumber
                        ? [("\(parameter.value) AND \(n)=\(n)", "\(parameter.value) AND \(n)=\(n + 1)")]
                        : [("\(parameter.value)' AND '\(n)'='\(n)", "\(parameter.value)' AND '\(n)'='\(n + 1)")]
                    for (yes, no) in pairs {
                        probes.append(Probe(request: point.request(replacing: i, with: yes), rule: nil, point: p, parameter: i, role: .sqlTrue(yes)))
                        probes.append(Probe(request: point.request(replacing: i, with: no), rule: nil, point: p, parameter: i, role: .sqlFalse(no)))
                    }
                }
            }
        }

        var outcome = Outcome()
        var baselines: [Int: [WebExchange]] = [:]
        var sqlTrue: [String: (WebExchange, String)] = [:]
        var sqlFalse: [String: (WebExchange, String)] = [:]
        await withTaskGroup(of: (Probe, WebExchange?).self) { group in
            var next = 0
            var running = 0
            func launch() -> Bool {
                guard next < probes.count, client.reserve() else { return false }
                let probe = probes[next]
                next += 1
                running += 1
                outcome.requests += 1
                group.addTask { [client] in (probe, try? await client.send(probe.request)) }
                return true
            }
            while running < concurrency, launch() {}
            while running > 0 {
                if client.timedOut { group.cancelAll() }
                guard let (probe, exchange) = await group.next() else { break }
                running -= 1
                if let exchange {
                    switch probe.role {
                    case .payload:
                        if let index = probe.rule {
                            let rule = rules[index]
                            let page = WebPage(exchange)
                            for hit in rule.check(page) { outcome.hits.append(Hit(rule: rule.metadata, exchange: exchange, hit: hit)) }
                        }
                    case .baseline, .baselineAgain:
                        baselines[probe.point, default: []].append(exchange)
                    case .sqlTrue(let payload):
                        sqlTrue["\(probe.point)/\(probe.parameter)"] = (exchange, payload)
                    case .sqlFalse(let payload):
                        sqlFalse["\(probe.point)/\(probe.parameter)"] = (exchange, payload)
                    }
                } else {
                    outcome.errors += 1
                }
                while running < concurrency, launch() {}
            }
            outcome.skipped = probes.count - next
        }
        // Boolean differential: the true condition gives the page back unchanged, the false one
        // changes it, and the page itself is stable.
        for (key, (yes, yesPayload)) in sqlTrue {
            guard let (no, noPayload) = sqlFalse[key], let parts = Optional(key.split(separator: "/")), parts.count == 2,
                  let p = Int(parts[0]), let i = Int(parts[1]), let base = baselines[p], base.count == 2 else { continue }
            let original = points[p].parameters[i].value
            let a = Self.normalized(base[0], removing: [original]), b = Self.normalized(base[1], removing: [original])
            guard a == b else { continue }
            let t = Self.normalized(yes, removing: [yesPayload, original]), f = Self.normalized(no, removing: [noPayload, original])
            guard t == a, f != a else { continue }
            let evidence = "\(yesPayload) → status \(yes.status), \(yes.body.count) bytes (as the original); \(noPayload) → status \(no.status), \(no.body.count) bytes"
            outcome.hits.append(Hit(rule: SQLInjection.metadata, exchange: no, hit: WebHit(parameter: points[p].parameters[i].name, evidence: evidence)))
        }
        return outcome
    }

    /// A response reduced to what a differential compares: status and body without the
    /// reflections of what was sent (raw, URL- and HTML-escaped).
    static func normalized(_ exchange: WebExchange, removing sent: [String]) -> String {
        var text = exchange.text
        for value in sent where value.count >= 1 {
            for form in [value, FormEncoding.escape(value), htmlEscaped(value)] where !form.isEmpty {
                text = text.replacingOccurrences(of: form, with: "")
            }
        }
        return "\(exchange.status)\n\(text)"
    }

    static func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&#34;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
