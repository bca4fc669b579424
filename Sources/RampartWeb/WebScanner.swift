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
    public var rules: [RuleMetadata] { WebRules.all.map { $0.metadata } }

    /// Recorded responses: `*.http` files.
    public func wants(_ file: SourceFile) -> Bool { file.pathExtension == "http" }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var output = ScannerOutput()
        var exchanges: [WebExchange] = []
        if let target = options.target {
            let result = await Crawler(start: target, limits: options.limits, headers: options.headers).crawl()
            exchanges += result.exchanges
            output.filesScanned += result.requests
            for error in result.errors.prefix(50) {
                output.diagnostics.append(Diagnostic(.warning, code: "request-failed", message: "\(error.url): \(error.message)", scanner: id))
            }
            if result.timedOut {
                output.diagnostics.append(Diagnostic(.warning, code: "crawl-budget", message: "the crawl's time budget ran out after \(result.requests) requests; the rest of the site was not visited", scanner: id))
            }
        }
        let recorded = await context.forEachFile(scanner: id, where: wants) { file, text in
            guard let exchange = RawHTTPResponse.parse(text.text, defaultURL: "http://localhost/" + file.path) else {
                throw Diagnostic(.warning, code: "not-http", message: "not a recorded HTTP response (status line missing)", scanner: "web", path: file.path)
            }
            return findings(for: [exchange])
        }
        output.merge(recorded)
        output.findings += findings(for: exchanges)
        if let config = options.zapConfig { output.findings = config.apply(output.findings) }
        return output
    }

    /// Every rule on every response, grouped per rule and site.
    public func findings(for exchanges: [WebExchange]) -> [Finding] {
        Self.findings(for: exchanges, rules: options.enabledRules)
    }

    public static func findings(for exchanges: [WebExchange], rules: [any WebRule.Type]) -> [Finding] {
        var groups: [String: (rule: RuleMetadata, site: String, instances: [(WebExchange, WebHit)])] = [:]
        var order: [String] = []
        for exchange in exchanges {
            let page = WebPage(exchange)
            let site = Crawler.origin(of: URL(string: exchange.url) ?? URL(fileURLWithPath: "/"))
            for rule in rules {
                for hit in rule.check(page) {
                    let key = "\(rule.metadata.id)\u{0}\(site)"
                    if groups[key] == nil {
                        groups[key] = (rule.metadata, site, [])
                        order.append(key)
                    }
                    groups[key]?.instances.append((exchange, hit))
                }
            }
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

    public init(target: URL? = nil) {
        self.target = target
    }
}
