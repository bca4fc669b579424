import Foundation
import RampartCore

/// Where a probe goes: a request seen in the crawl (a link with a query, a form) and its
/// parameters, one of which the probe replaces.
struct InjectionPoint: Sendable {
    var method: String
    /// The URL without its query (GET) or the form's action (POST).
    var url: String
    var parameters: [(name: String, value: String)]
    /// Parameters sent as they are, never replaced by a payload: anti-CSRF tokens.
    var fixed: Set<String> = []
    /// The page the form was found on (its tokens are refreshed from there).
    var page: String?

    /// A login form's user and password fields: probed without the session, and for a tautology.
    var login: (user: String, password: String)?
    /// A JSON body whose leaves (`parameters`, named by their path) the probes replace.
    var json: String?

    /// A JSON operation: every leaf is a parameter, those in `fixed` are sent as they are.
    init(method: String, url: String, json: String, fixed: Set<String> = []) {
        self.method = method
        self.url = url
        self.json = json
        self.parameters = JSONFields.leaves(of: json).map { ($0.path, $0.value) }
        self.fixed = fixed
    }

    init(method: String, url: String, parameters: [(name: String, value: String)], fixed: Set<String> = [], page: String? = nil) {
        self.method = method
        self.url = url
        self.parameters = parameters
        self.fixed = fixed
        self.page = page
    }

    /// Indices of the parameters that probes replace.
    var probed: [Int] { parameters.indices.filter { !fixed.contains(parameters[$0].name) } }

    /// The request with the named parameters' values replaced.
    func request(overriding values: [String: String]) -> WebRequest {
        var copy = self
        for index in copy.parameters.indices { if let value = values[copy.parameters[index].name] { copy.parameters[index].value = value } }
        return copy.request()
    }

    /// `request` with the anti-CSRF tokens replaced by fresh values.
    func refreshing(_ request: WebRequest, with tokens: [String: String]) -> WebRequest {
        guard !tokens.isEmpty else { return request }
        var copy = request
        if method == "POST" {
            let pairs = FormEncoding.decode(request.body ?? "").map { pair in (name: pair.name, value: tokens[pair.name] ?? pair.value) }
            copy.body = FormEncoding.encode(pairs)
        } else if var components = URLComponents(string: request.url) {
            let pairs = FormEncoding.decode(components.percentEncodedQuery ?? "").map { pair in (name: pair.name, value: tokens[pair.name] ?? pair.value) }
            components.percentEncodedQuery = FormEncoding.encode(pairs)
            copy.url = components.string ?? request.url
        }
        return copy
    }

    /// The request with `parameter`'s value replaced by `value`.
    func request(replacing parameter: Int? = nil, with value: String = "") -> WebRequest {
        if let json {
            // A JSON body (an API operation, a GraphQL query's variables): one leaf replaced.
            let body = parameter.flatMap { JSONFields.replacing(parameters[$0].name, in: json, with: value) } ?? json
            return WebRequest(method: method, url: url, body: body, contentType: "application/json")
        }
        var pairs = parameters
        if let parameter { pairs[parameter].value = value }
        let encoded = FormEncoding.encode(pairs)
        if method == "POST" { return WebRequest(method: "POST", url: url, body: encoded) }
        return WebRequest(url: encoded.isEmpty ? url : url + "?" + encoded)
    }

    /// Links with a query and forms, one point per method, path and parameter names.
    static func collect(exchanges: [WebExchange], forms: [(page: String, form: PageLinks.Form)], scope: CrawlScope) -> [InjectionPoint] {
        var points: [InjectionPoint] = []
        var seen = Set<String>()
        func add(_ point: InjectionPoint) {
            guard !point.probed.isEmpty, let url = URL(string: point.url), scope.allows(url) else { return }
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
        for (page, form) in forms {
            // Password changes and destructive forms are never probed without --unsafe.
            if !scope.unsafe, FormSafety.isPasswordChange(form) { continue }
            guard let request = form.request() else { continue }
            let tokens = form.tokenFields
            if request.method == "POST" {
                var point = InjectionPoint(method: "POST", url: request.url, parameters: FormEncoding.decode(request.body ?? ""), fixed: tokens, page: page)
                let passwords = form.fields.filter { $0.type == "password" }
                if passwords.count == 1, let user = form.fields.first(where: { ["text", "email", ""].contains($0.type) && !$0.name.isEmpty }) {
                    point.login = (user.name, passwords[0].name)
                }
                add(point)
            } else if var components = URLComponents(string: request.url) {
                let query = components.percentEncodedQuery ?? ""
                components.percentEncodedQuery = nil
                if let url = components.string { add(InjectionPoint(method: "GET", url: url, parameters: FormEncoding.decode(query), fixed: tokens, page: page)) }
            }
        }
        return points
    }
}

/// The light active scan (`--active`): every active rule's payloads in every parameter of every
/// injection point, within the scan's request and time budget, then the checks that need more
/// than one response: SQL injection by boolean differential, a tautology on login forms and
/// time delays; stored XSS by revisiting the pages that display stored content; SSRF by the
/// canary listener's log. Only the crawled origin is probed.
struct ActiveScan {
    let client: WebClient
    let rules: [any ActiveRule.Type]
    let concurrency: Int
    /// The passive rules read every probe's response too (a traceback a payload caused).
    var passive: PassiveChecks?
    /// SSRF probes point here (a loopback target only).
    var canary: CanaryServer?
    /// Pages that may display stored content: revisited after the probes.
    var revisit: [String] = []
    /// Parameters probed for time delays at most (each costs a few sequential requests).
    var maxTimedParameters = 40

    struct Hit {
        var rule: RuleMetadata
        var exchange: WebExchange
        var hit: WebHit
    }

    struct Outcome {
        var hits: [Hit] = []
        var requests = 0
        var errors = 0
        /// Probes planned, and those the budget left unsent.
        var planned = 0
        var skipped = 0
        /// Parameters with at least one probe unsent.
        var parametersLeft = 0
    }

    private struct Probe: Sendable {
        var request: WebRequest
        var rule: Int?
        var point: Int
        var parameter: Int
        var role: Role
    }

    private enum Role: Sendable {
        case payload, baseline, baselineAgain
        case sqlTrue(String, pair: Int), sqlFalse(String, pair: Int)
        case stored(Int), ssrf(String)
        case loginControl, loginBypass(String)

        var isSSRF: Bool {
            if case .ssrf = self { return true }
            return false
        }
    }

    var has: (any ActiveRule.Type) -> Bool { { rule in rules.contains { $0 == rule } } }

    func run(points: [InjectionPoint]) async -> Outcome {
        var generator = SystemRandomNumberGenerator()
        var probes: [Probe] = []
        var storedMarkers: [Int: Int] = [:]
        for (p, point) in points.enumerated() {
            probes.append(Probe(request: point.request(), rule: nil, point: p, parameter: -1, role: .baseline))
            probes.append(Probe(request: point.request(), rule: nil, point: p, parameter: -1, role: .baselineAgain))
            for i in point.probed {
                let parameter = point.parameters[i]
                for (r, rule) in rules.enumerated() {
                    if rule == OpenRedirect.self, !OpenRedirect.wants(parameter.name, value: parameter.value) { continue }
                    if rule == PathTraversal.self, !PathTraversal.wants(parameter.name, value: parameter.value) { continue }
                    if rule == StoredXSS.self || rule == ServerSideRequestForgery.self { continue }
                    let nonce = ProbeNonce.random(using: &generator)
                    for payload in rule.payloads(for: parameter.value, nonce: nonce) {
                        probes.append(Probe(request: point.request(replacing: i, with: payload), rule: r, point: p, parameter: i, role: .payload))
                    }
                }
                if has(SQLInjection.self) {
                    for (pair, (yes, no)) in BlindSQL.booleanPairs(for: parameter.value, using: &generator).enumerated() {
                        probes.append(Probe(request: point.request(replacing: i, with: yes), rule: nil, point: p, parameter: i, role: .sqlTrue(yes, pair: pair)))
                        probes.append(Probe(request: point.request(replacing: i, with: no), rule: nil, point: p, parameter: i, role: .sqlFalse(no, pair: pair)))
                    }
                }
                if has(StoredXSS.self) {
                    let number = Int.random(in: 100_000...999_999_999, using: &generator)
                    storedMarkers[number] = probes.count
                    probes.append(Probe(request: point.request(replacing: i, with: "rampart " + StoredXSS.marker(number)), rule: nil, point: p, parameter: i, role: .stored(number)))
                }
                if let canary, has(ServerSideRequestForgery.self), ServerSideRequestForgery.wants(parameter.name, value: parameter.value) {
                    let token = "\(ProbeNonce.random(using: &generator).canary)ssrf"
                    probes.append(Probe(request: point.request(replacing: i, with: "http://127.0.0.1:\(canary.port)/\(token)"), rule: nil, point: p, parameter: i, role: .ssrf(token)))
                }
            }
            if has(SQLInjection.self), let login = point.login {
                let n = Int.random(in: 1000...9999, using: &generator)
                let wrongPassword = "rmpPass\(n)!"
                probes.append(Probe(request: point.request(overriding: [login.user: "rmpuser\(n)", login.password: wrongPassword]), rule: nil, point: p, parameter: -1, role: .loginControl))
                for tautology in BlindSQL.loginTautologies {
                    probes.append(Probe(request: point.request(overriding: [login.user: tautology, login.password: wrongPassword]), rule: nil, point: p, parameter: -1, role: .loginBypass(tautology)))
                }
            }
        }

        var outcome = Outcome()
        var responses: [Int: WebExchange] = [:]
        await withTaskGroup(of: (Int, WebExchange?).self) { group in
            var next = 0
            var running = 0
            func launch() -> Bool {
                guard next < probes.count, client.reserve() else { return false }
                let index = next
                let probe = probes[index]
                let point = points[probe.point]
                next += 1
                running += 1
                outcome.requests += 1
                group.addTask { [client] in (index, try? await Self.send(probe.request, for: point, client: client)) }
                return true
            }
            while running < concurrency, launch() {}
            while running > 0 {
                if client.timedOut { group.cancelAll() }
                guard let (index, exchange) = await group.next() else { break }
                running -= 1
                if let exchange {
                    responses[index] = exchange
                    // One parse of the response, for the passive rules and the probe's own.
                    let page = passive?.page(for: exchange, source: .probe) ?? WebPage(exchange)
                    passive?.check(page, source: .probe)
                    let probe = probes[index]
                    if case .payload = probe.role, let r = probe.rule {
                        let rule = rules[r]
                        for hit in rule.check(page) { outcome.hits.append(Hit(rule: rule.metadata, exchange: exchange, hit: hit)) }
                    }
                } else {
                    outcome.errors += 1
                }
                while running < concurrency, launch() {}
            }
            outcome.planned = probes.count
            outcome.skipped = probes.count - next
            outcome.parametersLeft = Set(probes[next...].filter { $0.parameter >= 0 }.map { "\($0.point)/\($0.parameter)" }).count
        }

        // Boolean differential: each pair's true condition gives the page back, its false one
        // changes it, the page itself is stable, and a second pair of other numbers agrees.
        struct Pair: Hashable { var point, parameter, pair: Int }
        var baselines: [Int: [WebExchange]] = [:]
        var pairs: [Pair: (yes: (WebExchange, String)?, no: (WebExchange, String)?)] = [:]
        var loginControl: [Int: WebExchange] = [:]
        for (index, probe) in probes.enumerated() {
            guard let exchange = responses[index] else { continue }
            switch probe.role {
            case .baseline, .baselineAgain: baselines[probe.point, default: []].append(exchange)
            case .sqlTrue(let payload, let pair): pairs[Pair(point: probe.point, parameter: probe.parameter, pair: pair), default: (nil, nil)].yes = (exchange, payload)
            case .sqlFalse(let payload, let pair): pairs[Pair(point: probe.point, parameter: probe.parameter, pair: pair), default: (nil, nil)].no = (exchange, payload)
            case .loginControl: loginControl[probe.point] = exchange
            default: break
            }
        }
        // Per parameter: the pairs that showed the differential, and the first false response.
        var confirmed: [Pair: (evidences: [String], exchange: WebExchange)] = [:]
        for (key, pair) in pairs.sorted(by: { $0.key.pair < $1.key.pair }) {
            guard let (yes, yesPayload) = pair.yes, let (no, noPayload) = pair.no, let base = baselines[key.point], base.count == 2 else { continue }
            let original = points[key.point].parameters[key.parameter].value
            guard let evidence = BlindSQL.booleanEvidence(base: base, original: original, yes: yes, yesPayload: yesPayload, no: no, noPayload: noPayload) else { continue }
            confirmed[Pair(point: key.point, parameter: key.parameter, pair: 0), default: ([], no)].evidences.append(evidence)
        }
        for (key, found) in confirmed where found.evidences.count >= 2 {
            outcome.hits.append(Hit(rule: SQLInjection.metadata, exchange: found.exchange,
                                    hit: WebHit(parameter: points[key.point].parameters[key.parameter].name, evidence: "boolean-based blind: " + found.evidences[0])))
        }
        // Login bypass: wrong credentials are refused, a tautology in the user name is let in.
        for (index, probe) in probes.enumerated() {
            guard case .loginBypass(let tautology) = probe.role, let exchange = responses[index], let login = points[probe.point].login,
                  let control = loginControl[probe.point], !outcome.hits.contains(where: { $0.rule.id == SQLInjection.metadata.id && $0.exchange.url == exchange.url && $0.hit.parameter == login.user }),
                  let evidence = BlindSQL.loginBypassEvidence(control: control, bypass: exchange, tautology: tautology, login: points[probe.point]) else { continue }
            outcome.hits.append(Hit(rule: SQLInjection.metadata, exchange: exchange, hit: WebHit(parameter: login.user, evidence: evidence, confidence: .high)))
        }
        // Stored XSS: revisit the pages that display stored content, and where submissions led.
        if has(StoredXSS.self), !storedMarkers.isEmpty {
            var pages = revisit
            for (index, probe) in probes.enumerated() {
                guard case .stored = probe.role, let exchange = responses[index], (300..<400).contains(exchange.status),
                      let location = exchange.header("location"), let base = URL(string: exchange.url), let target = PageLinks.resolve(location, against: base) else { continue }
                pages.append(target.absoluteString)
            }
            var seen = Set<String>()
            let requests = pages.filter { seen.insert($0).inserted }.prefix(200).map { WebRequest(url: $0) }
            let fetched = await WebScanner.fetchAll(Array(requests), client: client, concurrency: concurrency, passive: passive, source: .probe)
            outcome.requests += fetched.requests
            outcome.planned += requests.count
            outcome.skipped += requests.count - fetched.requests
            var reported = Set<Int>()
            for display in fetched.exchanges {
                for number in StoredXSS.markers(in: WebPage(display)) {
                    guard let index = storedMarkers[number], reported.insert(index).inserted, let injected = responses[index] else { continue }
                    let probe = probes[index]
                    let evidence = "\(StoredXSS.marker(number)) sent in \(points[probe.point].parameters[probe.parameter].name), shown unescaped at GET \(display.url)"
                    outcome.hits.append(Hit(rule: StoredXSS.metadata, exchange: injected, hit: WebHit(parameter: points[probe.point].parameters[probe.parameter].name, evidence: evidence)))
                }
            }
        }
        // SSRF: the canary saw the probe's unique path.
        if let canary, probes.contains(where: { $0.role.isSSRF }) {
            try? await Task.sleep(for: .milliseconds(300))
            let requested = Set(canary.requestedPaths.map { $0.split(separator: "/").last.map(String.init) ?? "" })
            for (index, probe) in probes.enumerated() {
                guard case .ssrf(let token) = probe.role, requested.contains(token), let exchange = responses[index] else { continue }
                let name = points[probe.point].parameters[probe.parameter].name
                outcome.hits.append(Hit(rule: ServerSideRequestForgery.metadata, exchange: exchange,
                                        hit: WebHit(parameter: name, evidence: "the canary on 127.0.0.1:\(canary.port) received GET /\(token)")))
            }
        }
        // Time delays: one parameter at a time, so that the timings are the query's.
        if has(SQLInjection.self) {
            let found = Set(outcome.hits.filter { $0.rule.id == SQLInjection.metadata.id }.map { "\(PassiveChecks.path(of: $0.exchange.url))\u{0}\($0.hit.parameter ?? "")" })
            var timed = 0
            for point in points where point.login == nil {
                for i in point.probed {
                    guard timed < maxTimedParameters, !found.contains("\(PassiveChecks.path(of: point.url))\u{0}\(point.parameters[i].name)") else { continue }
                    timed += 1
                    let result = await BlindSQL.timeBased(point: point, parameter: i, client: client)
                    outcome.requests += result.requests
                    if result.cutShort { outcome.skipped += 1; outcome.planned += 1 }
                    if let (exchange, evidence) = result.hit {
                        outcome.hits.append(Hit(rule: SQLInjection.metadata, exchange: exchange, hit: WebHit(parameter: point.parameters[i].name, evidence: evidence)))
                    }
                }
            }
        }
        return outcome
    }

    /// Sends a probe; a form whose anti-CSRF token the server may renew gets a fresh one from
    /// its page first (tokens are sent as they are, never fuzzed).
    static func send(_ request: WebRequest, for point: InjectionPoint, client: WebClient) async throws -> WebExchange {
        var request = request
        if point.login != nil { request.isolated = true }
        if !point.fixed.isEmpty, let page = point.page {
            request = await TokenRefresh.apply(to: request, page: page, fixed: point.fixed, method: point.method, action: point.url, client: client)
        }
        return try await client.send(request)
    }

    /// A response reduced to what a differential compares: status and body without the
    /// reflections of what was sent (raw, URL- and HTML-escaped).
    static func normalized(_ exchange: WebExchange, removing sent: [String]) -> String {
        var text = String(exchange.text.prefix(512 << 10))
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

/// Anti-CSRF tokens a server may renew: before a form is submitted, its page is fetched again
/// and the form's current token values are used, with the session cookies that go with them.
enum TokenRefresh {
    static func apply(to request: WebRequest, page: String, fixed: Set<String>, method: String, action: String, client: WebClient) async -> WebRequest {
        guard client.reserve(), let pageURL = URL(string: page),
              let fresh = try? await client.send(WebRequest(url: page, isolated: request.isolated)) else { return request }
        let form = PageLinks.extract(fresh.text, pageURL: pageURL).forms.first { $0.method == method && $0.action.hasPrefix(action) }
        var tokens: [String: String] = [:]
        for field in form?.fields ?? [] where fixed.contains(field.name) { tokens[field.name] = field.value }
        let point = InjectionPoint(method: method, url: action, parameters: [])
        var refreshed = point.refreshing(request, with: tokens)
        if request.isolated {
            // Without the session, the token belongs to the cookies that came with it.
            let cookies = fresh.headers("set-cookie").compactMap(SetCookie.init).filter { !$0.isDeletion }.map { "\($0.name)=\($0.value)" }
            if !cookies.isEmpty { refreshed.cookieHeader = cookies.joined(separator: "; ") }
        } else {
            // The session as it is now, with this token; later responses may renew it.
            refreshed.cookieHeader = client.cookieHeader
        }
        return refreshed
    }
}
