import Foundation
import RampartCore
import RampartRegex

/// DAST: crawls a running web app from a start URL and runs the passive rules on every
/// response; it also reads recorded responses (`.http` files) found in the scanned folder.
/// Findings are grouped: one per rule and site, with every instance (URL, parameter, evidence).
public struct WebScanner: SecurityScanner {
    public var options: WebOptions

    public init(options: WebOptions = WebOptions()) {
        self.options = options
    }

    public var id: String { "web" }
    public var title: String { "DAST (passive rules, ZAP baseline ids)" }
    public var exampleFileName: String { "response.http" }
    public var rules: [RuleMetadata] { (WebRules.all + WebRules.active.map { $0 as any WebRule.Type }).map { $0.metadata } }

    /// Recorded responses: `*.http` files.
    public func wants(_ file: SourceFile) -> Bool { file.pathExtension == "http" }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var output = ScannerOutput()
        if let target = options.target {
            output.merge(await scanSite(target))
        }
        let recorded = await context.forEachFile(scanner: id, where: wants) { file, text in
            guard let exchange = RawHTTPResponse.parse(text.text, defaultURL: "http://localhost/" + file.path) else {
                throw Diagnostic(.warning, code: "not-http", message: "not a recorded HTTP response (status line missing)", scanner: "web", path: file.path)
            }
            return findings(for: [exchange], recorded: true)
        }
        output.merge(recorded)
        if let config = options.zapConfig { output.findings = config.apply(output.findings) }
        return output
    }

    /// Crawl, discovery, passive rules, and with `active` the active checks, within one budget.
    func scanSite(_ target: URL) async -> ScannerOutput {
        await WebExecutor.run { await self.scanSiteOnExecutor(target) }
    }

    private func scanSiteOnExecutor(_ target: URL) async -> ScannerOutput {
        var output = ScannerOutput()
        let client = WebClient(limits: options.limits, headers: options.headers, verifyTLS: options.verifyTLS)
        let scope = CrawlScope(start: target, excluded: options.exclude + (options.zapConfig?.outOfScope.filter { $0.rule == "*" }.map(\.pattern) ?? []),
                               unsafe: options.unsafe)
        let passive = PassiveChecks(rules: options.enabledRules, localhostExemption: options.localhostExemption, deadline: client.deadline)
        let crawler = Crawler(start: target, limits: options.limits, client: client, login: options.login, scope: scope, progress: options.progress)
        let result = await crawler.crawl(passive: passive)
        var ledger = ScanLedger(client: client)
        ledger.crawl = result

        if let failure = result.unreachable {
            // Nothing was checked: no phase runs, the report says so and the scan fails.
            output.diagnostics.append(Diagnostic(.error, code: "target-unreachable", message: "the scan did not happen: \(target.absoluteString) cannot be reached: \(failure.message)", scanner: id))
            output.diagnostics.append(ledger.requestsNote)
            output.filesScanned += client.requestCount
            output.work = ledger.work
            return output
        }
        if result.loggedIn == false {
            let optional = options.loginOptional
            output.diagnostics.append(Diagnostic(optional ? .warning : .error, code: "login-failed",
                                                 message: "form login at \(options.login?.url.absoluteString ?? "") failed: the scan ran without a session\(optional ? " (--login-optional)" : "; pages behind the login were not checked")", scanner: id))
        }
        if !result.skippedForms.isEmpty {
            let listed = result.skippedForms.prefix(10).map { "\($0.form) (\($0.reason))" }.joined(separator: "; ")
            let more = result.skippedForms.count > 10 ? "; and \(result.skippedForms.count - 10) more" : ""
            output.diagnostics.append(Diagnostic(.warning, code: "forms-skipped", message: "--submit-forms did not submit \(result.skippedForms.count) form\(result.skippedForms.count == 1 ? "" : "s"): \(listed)\(more)", scanner: id))
        }
        var exchanges = result.exchanges
        if options.discovery, !client.timedOut {
            let requests = Discovery.requests(after: exchanges, start: target).filter { scope.allows($0.url) }
            let fetched = await Self.fetchAll(requests, client: client, concurrency: options.limits.concurrency, passive: passive)
            ledger.discoveryPlanned = requests.count
            ledger.discoverySent = fetched.requests
            exchanges += fetched.exchanges
        } else if options.discovery {
            ledger.discoveryPlanned = 1
        }
        // An API description: every operation requested (and later probed), as ZAP's API scan.
        var apiPoints: [InjectionPoint] = []
        if let source = options.openAPI, !client.timedOut {
            switch await Self.loadOpenAPI(source, target: target, client: client, scope: scope) {
            case .failure(let failure):
                output.diagnostics.append(Diagnostic(.error, code: "openapi", message: "the API was not scanned: \(failure.description)", scanner: id))
            case .success(let description):
                let operations = description.operations.filter { operation in
                    scope.allows(operation.url) && (options.unsafe || operation.method != "DELETE")
                }
                let skipped = description.operations.count - operations.count
                if skipped > 0 {
                    output.diagnostics.append(Diagnostic(.warning, code: "api-operations-skipped", message: "\(skipped) of \(description.operations.count) operations of \(description.title) were not requested (DELETE, unsafe or out-of-scope paths; --unsafe requests the unsafe ones)", scanner: id))
                }
                let fetched = await Self.fetchAll(operations.map(\.request), client: client, concurrency: options.limits.concurrency, passive: passive)
                ledger.apiPlanned = operations.count
                ledger.apiSent = fetched.requests
                exchanges += fetched.exchanges
                apiPoints = operations.flatMap(\.points)
            }
        }
        // GraphQL endpoints and their schemas (read-only requests), for the active checks.
        var graphQL = GraphQLScan.Discovered()
        if (options.discovery || options.graphQLSchema != nil), !client.timedOut {
            graphQL = await GraphQLScan.discover(after: exchanges, start: target, client: client, scope: scope, concurrency: options.limits.concurrency,
                                                 passive: passive, givenSchema: options.graphQLSchema,
                                                 schemaEndpoint: options.graphQLEndpoint.flatMap { URL(string: $0, relativeTo: target)?.absoluteString }.flatMap { scope.allows($0) ? $0 : nil })
            ledger.discoverySent += graphQL.requests
            exchanges += graphQL.exchanges
        }
        var activeHits: [PassiveChecks.Hit] = []
        if options.active {
            let points = InjectionPoint.collect(exchanges: exchanges, forms: result.forms, scope: scope) + apiPoints
                + GraphQLScan.points(for: graphQL.endpoints, unsafe: options.unsafe)
            let enabled = Set(options.enabledActiveRules.map { $0.metadata.id })
            let graphQLRules = GraphQLScan.rules.filter { enabled.contains($0.metadata.id) }
            if !graphQL.endpoints.isEmpty, !graphQLRules.isEmpty, !client.timedOut {
                let checks = GraphQLScan.checks(for: graphQL.endpoints)
                let fetched = await Self.fetchAll(checks, client: client, concurrency: options.limits.concurrency, passive: passive, source: .probe)
                ledger.graphQLChecks = fetched.requests
                for exchange in fetched.exchanges {
                    let page = WebPage(exchange)
                    for rule in graphQLRules {
                        for hit in rule.check(page) { activeHits.append(PassiveChecks.Hit(rule: rule.metadata, exchange: exchange, hit: hit)) }
                    }
                }
            }
            ledger.activePoints = points.count
            ledger.activeParameters = points.reduce(0) { $0 + $1.parameters.count }
            if !client.timedOut, !ledger.requestBudgetSpent {
                var scan = ActiveScan(client: client, rules: options.enabledActiveRules, concurrency: options.limits.concurrency, passive: passive)
                // The SSRF canary listens on 127.0.0.1: only a loopback target can reach it.
                let canary = TrustedOrigins.isLoopback(target.host ?? "") ? await CanaryServer.start() : nil
                scan.canary = canary
                scan.revisit = exchanges.filter { $0.method == "GET" && $0.isSuccessfulHTML }.map(\.url)
                let outcome = await scan.run(points: points)
                await canary?.stop()
                ledger.active = outcome
                activeHits += outcome.hits.map { PassiveChecks.Hit(rule: $0.rule, exchange: $0.exchange, hit: $0.hit) }
            }
        }
        for (url, failure) in result.errors.prefix(50) where failure.kind != .budget {
            output.diagnostics.append(Diagnostic(.warning, code: "request-failed", message: "\(url): \(failure.message)", scanner: id))
        }
        // Fetching answered only with errors: the rules had nothing to read.
        let pages = exchanges.filter { (200..<300).contains($0.status) && !Discovery.isDiscovery(URL(string: $0.url)?.path ?? "") }
        if pages.isEmpty {
            output.diagnostics.append(Diagnostic(.error, code: "target-unreachable", message: "the scan did not happen: \(target.absoluteString) answered no request with a page (\(Self.statusSummary(result)))", scanner: id))
        }
        output.findings += Self.groupPassive(passive.hits) + Self.groupActive(activeHits)
        if let budget = ledger.budgetReport(passiveUnchecked: passive.unchecked, activeRequested: options.active) {
            output.timedOut = true
            output.diagnostics.append(Diagnostic(options.partialOK ? .warning : .error, code: "web-budget", message: budget, scanner: id))
        }
        output.diagnostics.append(ledger.requestsNote)
        output.filesScanned += client.requestCount
        output.work = ledger.work
        return output
    }

    /// The description from a file, or fetched from the scanned site (its origin only).
    static func loadOpenAPI(_ source: OpenAPISource, target: URL, client: WebClient, scope: CrawlScope) async -> Result<OpenAPIDescription, OpenAPIDescription.Failure> {
        let text: String, name: String
        switch source {
        case .document(let document, let file):
            (text, name) = (document, file)
        case .url(let url):
            guard let absolute = URL(string: url, relativeTo: target)?.absoluteURL, scope.contains(absolute) else {
                return .failure(.init(description: "--openapi \(url) is not on the scanned origin"))
            }
            guard client.reserve() else { return .failure(.init(description: "no request left in the budget to fetch \(url)")) }
            do {
                let exchange = try await client.send(WebRequest(url: absolute.absoluteString))
                guard (200..<300).contains(exchange.status) else { return .failure(.init(description: "\(absolute.absoluteString) answered \(exchange.status)")) }
                (text, name) = (exchange.text, absolute.absoluteString)
            } catch {
                return .failure(.init(description: "\(absolute.absoluteString): \(RequestFailure.of(error, url: absolute.absoluteString).message)"))
            }
        }
        do {
            return .success(try OpenAPIDescription.parse(text, name: name, base: target))
        } catch {
            return .failure(error)
        }
    }

    /// `500 ×3, 404 ×1` of the crawl, or its failures.
    static func statusSummary(_ result: CrawlResult) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for exchange in result.exchanges {
            let key = "status \(exchange.status)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        for (_, failure) in result.errors {
            let key = failure.message
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        if order.isEmpty { return "no request was sent" }
        return order.prefix(5).map { "\($0) ×\(counts[$0] ?? 0)" }.joined(separator: ", ")
    }

    /// Sends read-only requests (within the budget) and returns what came back, each response
    /// read by the passive rules as it arrives.
    static func fetchAll(_ requests: [WebRequest], client: WebClient, concurrency: Int, passive: PassiveChecks? = nil,
                         source: PassiveChecks.Source = .crawl) async -> (exchanges: [WebExchange], requests: Int) {
        var exchanges: [WebExchange] = []
        var sent = 0
        await withTaskGroup(of: WebExchange?.self) { group in
            var next = 0
            var running = 0
            func launch() -> Bool {
                guard next < requests.count, client.reserve() else { return false }
                let request = requests[next]
                next += 1
                running += 1
                sent += 1
                group.addTask { try? await client.send(request) }
                return true
            }
            while running < concurrency, launch() {}
            while running > 0 {
                if client.timedOut { group.cancelAll() }
                guard let exchange = await group.next() else { break }
                running -= 1
                if let exchange {
                    exchanges.append(exchange)
                    passive?.check(exchange, source: source)
                }
                while running < concurrency, launch() {}
            }
        }
        return (exchanges, sent)
    }

    /// The passive rules on crawled responses; on recorded ones (`.http` files) the active
    /// rules too, which judge only responses to their own probes.
    public func findings(for exchanges: [WebExchange], recorded: Bool = false) -> [Finding] {
        let rules = options.enabledRules + (recorded ? WebRules.active.map { $0 as any WebRule.Type } : [])
        return Self.findings(for: exchanges, rules: rules, localhostExemption: options.localhostExemption)
    }

    public static func findings(for exchanges: [WebExchange], rules: [any WebRule.Type], localhostExemption: Bool = true) -> [Finding] {
        var passive: [PassiveChecks.Hit] = []
        var active: [PassiveChecks.Hit] = []
        for exchange in exchanges {
            let page = WebPage(exchange, localhostExemption: localhostExemption)
            for rule in rules {
                for hit in rule.check(page) {
                    let found = PassiveChecks.Hit(rule: rule.metadata, exchange: exchange, hit: hit)
                    if rule.metadata.isActive { active.append(found) } else { passive.append(found) }
                }
            }
        }
        return groupPassive(passive) + groupActive(active)
    }

    /// Passive findings as ZAP groups its alerts: one per rule and site, every hit an instance.
    /// Instances are sorted (URL, method, parameter) so that the location, the first of them,
    /// does not depend on the crawl's order; the identity is the site's.
    static func groupPassive(_ hits: [PassiveChecks.Hit]) -> [Finding] {
        var groups: [String: (rule: RuleMetadata, site: String, instances: [(WebExchange, WebHit)])] = [:]
        for found in hits {
            let site = Crawler.origin(of: URL(string: found.exchange.url) ?? URL(fileURLWithPath: "/"))
            let key = "\(found.rule.id)\u{0}\(site)"
            if groups[key] == nil { groups[key] = (found.rule, site, []) }
            groups[key]?.instances.append((found.exchange, found.hit))
        }
        return groups.keys.sorted().compactMap { key -> Finding? in
            guard let group = groups[key] else { return nil }
            var seen = Set<String>()
            let instances = group.instances.map { exchange, hit in
                WebLocation(url: exchange.url, method: exchange.method, parameter: hit.parameter, evidence: hit.evidence)
            }.filter { seen.insert("\($0.method) \($0.url) \($0.parameter ?? "") \($0.evidence ?? "")").inserted }
                .sorted { ($0.url, $0.method, $0.parameter ?? "") < ($1.url, $1.method, $1.parameter ?? "") }
            guard var first = instances.first else { return nil }
            first.site = site(group.site)
            let count = instances.count
            var finding = Finding(rule: group.rule, location: .web(first),
                                  message: "\(group.rule.title): \(count) instance\(count == 1 ? "" : "s"), first at \(first.method) \(first.url)")
            if let severity = group.instances.compactMap(\.1.severity).max() { finding.severity = severity }
            if let confidence = group.instances.compactMap(\.1.confidence).max() { finding.confidence = confidence }
            finding.instances = instances
            return finding
        }
    }

    /// Active findings: one per rule, method, path and parameter (each injection point is a flaw
    /// of its own, baselined on its own), located at the first probe that proved it.
    static func groupActive(_ hits: [PassiveChecks.Hit]) -> [Finding] {
        var groups: [String: (rule: RuleMetadata, instances: [(WebExchange, WebHit)])] = [:]
        var order: [String] = []
        for found in hits {
            let key = "\(found.rule.id)\u{0}\(found.exchange.method)\u{0}\(PassiveChecks.path(of: found.exchange.url))\u{0}\(found.hit.parameter ?? "")"
            if groups[key] == nil { groups[key] = (found.rule, []); order.append(key) }
            groups[key]?.instances.append((found.exchange, found.hit))
        }
        return order.sorted().compactMap { key -> Finding? in
            guard let group = groups[key], let (exchange, hit) = group.instances.first else { return nil }
            let location = WebLocation(url: exchange.url, method: exchange.method, parameter: hit.parameter, evidence: hit.evidence)
            let place = "\(exchange.method) \(PassiveChecks.path(of: exchange.url))" + (hit.parameter.map { " parameter \($0)" } ?? "")
            var finding = Finding(rule: group.rule, location: .web(location), message: "\(group.rule.title) at \(place)")
            if let severity = group.instances.compactMap(\.1.severity).max() { finding.severity = severity }
            if let confidence = group.instances.compactMap(\.1.confidence).max() { finding.confidence = confidence }
            finding.instances = group.instances.prefix(5).map { exchange, hit in
                WebLocation(url: exchange.url, method: exchange.method, parameter: hit.parameter, evidence: hit.evidence)
            }
            return finding
        }
    }

    /// `http://host:80` → `http://host/`.
    static func site(_ origin: String) -> String {
        var text = origin
        if text.hasPrefix("http://"), text.hasSuffix(":80") { text.removeLast(3) }
        if text.hasPrefix("https://"), text.hasSuffix(":443") { text.removeLast(4) }
        return text + "/"
    }
}

/// What each phase of a site scan did and left undone: the request note, the work count and,
/// when a budget ended the scan early, the message that says what was not checked.
struct ScanLedger {
    let client: WebClient
    var crawl = CrawlResult()
    var discoveryPlanned = 0
    var discoverySent = 0
    var activePoints = 0
    var activeParameters = 0
    var graphQLChecks = 0
    var apiPlanned = 0
    var apiSent = 0
    var active: ActiveScan.Outcome?

    init(client: WebClient) {
        self.client = client
    }

    var requestBudgetSpent: Bool { client.requestBudgetRefused }

    var requestsNote: Diagnostic {
        let seconds = client.elapsedSeconds
        let rate = seconds > 0 ? Double(client.requestCount) / seconds : 0
        return Diagnostic(.note, code: "requests", message: "\(client.requestCount) requests (crawl \(crawl.requests), discovery \(discoverySent), API \(apiSent), active \((active?.requests ?? 0) + graphQLChecks)), \(crawl.exchanges.count) responses crawled in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", rate)) requests/s)", scanner: "web")
    }

    var work: String {
        let pages = crawl.exchanges.count { $0.isHTML }
        return "\(client.requestCount) request\(client.requestCount == 1 ? "" : "s"), \(pages) page\(pages == 1 ? "" : "s")"
    }

    /// Nil when every phase finished; else which budget ended the scan, in which phase, and what
    /// it left unchecked.
    func budgetReport(passiveUnchecked: Int, activeRequested: Bool) -> String? {
        var left: [String] = []
        var phase: String?
        if crawl.queuedLeft > 0 || crawl.timedOut {
            phase = phase ?? "the crawl"
            if crawl.queuedLeft > 0 { left.append("\(crawl.queuedLeft) page\(crawl.queuedLeft == 1 ? "" : "s") found but not visited") }
        }
        if discoveryPlanned > discoverySent {
            phase = phase ?? "discovery"
            left.append("\(discoveryPlanned - discoverySent) discovery request\(discoveryPlanned - discoverySent == 1 ? "" : "s") not sent")
        }
        if apiPlanned > apiSent {
            phase = phase ?? "the API requests"
            left.append("\(apiPlanned - apiSent) API operation\(apiPlanned - apiSent == 1 ? "" : "s") not requested")
        }
        if passiveUnchecked > 0 {
            phase = phase ?? "the passive rules"
            left.append("\(passiveUnchecked) response\(passiveUnchecked == 1 ? "" : "s") not read by the passive rules")
        }
        if activeRequested {
            if let active {
                if active.skipped > 0 {
                    phase = phase ?? "the active checks"
                    left.append("\(active.skipped) of \(active.planned) active probes not sent (\(active.parametersLeft) of \(activeParameters) parameters not fully probed)")
                }
            } else if activePoints > 0 || phase != nil {
                phase = phase ?? "the active checks"
                left.append("active checks not run (\(activeParameters) parameters at \(activePoints) injection points)")
            }
        }
        guard let phase, !left.isEmpty || client.timedOut else { return nil }
        let budget = client.timedOut
            ? "the time budget (--max-time \(Self.seconds(client.limits.timeBudget))) ran out"
            : "the request budget (--max-requests \(client.limits.maxRequests ?? 0)) was spent"
        let what = left.isEmpty ? "" : ": " + left.joined(separator: "; ")
        return "\(budget) during \(phase) after \(client.requestCount) requests\(what); results are partial"
    }

    static func seconds(_ duration: Duration) -> String {
        let value = duration.inSeconds
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

/// Settings of the web scanner.
public struct WebOptions: Sendable {
    /// The start URL of a crawl; nil reads only recorded responses.
    public var target: URL?
    public var limits = CrawlLimits()
    public var headers: [(String, String)] = []
    /// ZAP's rule configuration (`-c rules.tsv`): IGNORE and OUTOFSCOPE applied here.
    public var zapConfig: ZAPRuleConfig?
    /// Opt-in rules to run (ids or codes: `web/10096`, `10027`).
    public var enable: Set<String> = []

    /// Every rule that is not opt-in, plus the opt-in rules named in `enable` or given a level
    /// other than IGNORE in the ZAP config.
    public var enabledRules: [any WebRule.Type] {
        WebRules.all.filter { rule in
            let metadata = rule.metadata
            guard metadata.isOptIn else { return true }
            if enable.contains(where: metadata.isNamed) { return true }
            if let action = zapConfig?.actions[metadata.id.code], action != .ignore { return true }
            return false
        }
    }

    /// Form login recipe.
    public var login: FormLogin?
    /// Run the active checks (`--active`): probes with payloads, against the target's origin only.
    public var active = false
    /// Request `.git`, `.env`, backups of crawled files and GraphQL endpoints (read-only GETs).
    public var discovery = true
    /// Loopback hosts are exempt from the transport rules (see `WebPage.localhostExemption`).
    public var localhostExemption = true
    /// Verify TLS certificates (off with `--insecure`, for test servers with self-signed ones).
    public var verifyTLS = true
    /// A scan cut short by its budget is reported but does not fail (`--partial-ok`).
    public var partialOK = false
    /// A failed form login is a warning, not a failure (`--login-optional`).
    public var loginOptional = false
    /// Request and submit unsafe endpoints too: logout, delete, reset, password change (`--unsafe`).
    public var unsafe = false
    /// URLs never requested (`--exclude REGEX`), besides ZAP's `*<TAB>OUTOFSCOPE` lines.
    public var exclude: [ByteRegex] = []
    /// A GraphQL schema given as an introspection result (`--graphql-schema FILE`): its
    /// operations are probed even where introspection is off.
    public var graphQLSchema: GraphQLSchema?
    /// Where that schema is served (`--graphql-endpoint`); else the endpoint found, or `/graphql`.
    public var graphQLEndpoint: String?
    /// An API description whose operations are requested and probed (`--openapi FILE|URL`).
    public var openAPI: OpenAPISource?
    /// Called about once a second during the crawl.
    public var progress: (@Sendable (CrawlProgress) -> Void)?

    public init(target: URL? = nil) {
        self.target = target
    }

    public var enabledActiveRules: [any ActiveRule.Type] { WebRules.active }
}

/// Where an API description comes from: a file's text, or a URL on the scanned site.
public enum OpenAPISource: Sendable {
    case document(String, name: String)
    case url(String)
}
