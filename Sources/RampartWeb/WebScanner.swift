import Foundation
import RampartCore

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
        let crawler = Crawler(start: target, limits: options.limits, client: client, login: options.login, progress: options.progress)
        let result = await crawler.crawl()
        var exchanges = result.exchanges
        for error in result.errors.prefix(50) {
            output.diagnostics.append(Diagnostic(.warning, code: "request-failed", message: "\(error.url): \(error.message)", scanner: id))
        }
        if result.loggedIn == false {
            output.diagnostics.append(Diagnostic(.error, code: "login-failed", message: "form login at \(options.login?.url.absoluteString ?? "") failed: the scan ran without a session", scanner: id))
        }
        var discoveryRequests = 0
        if options.discovery {
            let requests = Discovery.requests(after: exchanges, start: target).filter { URL(string: $0.url).map(crawler.scope) ?? false }
            let fetched = await Self.fetchAll(requests, client: client, concurrency: options.limits.concurrency)
            discoveryRequests = fetched.requests
            exchanges += fetched.exchanges
        }
        output.findings += findings(for: exchanges)
        var activeRequests = 0
        if options.active {
            let points = InjectionPoint.collect(exchanges: exchanges, forms: result.forms, inScope: crawler.scope)
            let scan = ActiveScan(client: client, rules: options.enabledActiveRules, concurrency: options.limits.concurrency)
            let outcome = await scan.run(points: points)
            activeRequests = outcome.requests
            output.findings += Self.group(outcome.hits.map { ($0.rule, $0.exchange, $0.hit) }, dedupeByParameter: true)
            if outcome.skipped > 0 {
                output.diagnostics.append(Diagnostic(.warning, code: "active-budget", message: "the request or time budget ended the active scan with \(outcome.skipped) probes not sent", scanner: id))
            }
        }
        if client.timedOut {
            output.diagnostics.append(Diagnostic(.warning, code: "crawl-budget", message: "the scan's time budget ran out after \(client.requestCount) requests; the rest of the site was not visited", scanner: id))
        }
        let seconds = client.elapsedSeconds
        output.diagnostics.append(Diagnostic(.note, code: "requests", message: "\(client.requestCount) requests (crawl \(result.requests), discovery \(discoveryRequests), active \(activeRequests)), \(result.exchanges.count) responses crawled in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", seconds > 0 ? Double(client.requestCount) / seconds : 0)) requests/s)", scanner: id))
        output.filesScanned += client.requestCount
        return output
    }

    /// Sends read-only requests (within the budget) and returns what came back.
    static func fetchAll(_ requests: [WebRequest], client: WebClient, concurrency: Int) async -> (exchanges: [WebExchange], requests: Int) {
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
                if let exchange { exchanges.append(exchange) }
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
        var hits: [(RuleMetadata, WebExchange, WebHit)] = []
        for exchange in exchanges {
            let page = WebPage(exchange, localhostExemption: localhostExemption)
            for rule in rules {
                for hit in rule.check(page) { hits.append((rule.metadata, exchange, hit)) }
            }
        }
        return group(hits)
    }

    /// One finding per rule and site, every hit an instance (with `dedupeByParameter`, one
    /// instance per method, path and parameter: an active check's several payloads).
    static func group(_ hits: [(RuleMetadata, WebExchange, WebHit)], dedupeByParameter: Bool = false) -> [Finding] {
        var groups: [String: (rule: RuleMetadata, site: String, instances: [(WebExchange, WebHit)])] = [:]
        var order: [String] = []
        var seen = Set<String>()
        for (rule, exchange, hit) in hits {
            let site = Crawler.origin(of: URL(string: exchange.url) ?? URL(fileURLWithPath: "/"))
            if dedupeByParameter {
                let path = exchange.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? exchange.url
                guard seen.insert("\(rule.id)\u{0}\(exchange.method) \(path)\u{0}\(hit.parameter ?? "")").inserted else { continue }
            }
            let key = "\(rule.id)\u{0}\(site)"
            if groups[key] == nil {
                groups[key] = (rule, site, [])
                order.append(key)
            }
            groups[key]?.instances.append((exchange, hit))
        }
        return order.compactMap { key -> Finding? in
            guard let group = groups[key], let (firstExchange, firstHit) = group.instances.first else { return nil }
            let siteURL = site(group.site)
            let count = group.instances.count
            var finding = Finding(rule: group.rule, location: .web(WebLocation(url: siteURL, method: firstExchange.method, parameter: firstHit.parameter, evidence: firstHit.evidence)),
                                  message: "\(group.rule.title): \(count) instance\(count == 1 ? "" : "s"), first at \(firstExchange.url)")
            if let severity = group.instances.compactMap(\.1.severity).max() { finding.severity = severity }
            if let confidence = group.instances.compactMap(\.1.confidence).max() { finding.confidence = confidence }
            finding.instances = group.instances.map { exchange, hit in
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
    /// Called about once a second during the crawl.
    public var progress: (@Sendable (CrawlProgress) -> Void)?

    public init(target: URL? = nil) {
        self.target = target
    }

    public var enabledActiveRules: [any ActiveRule.Type] { WebRules.active }
}
