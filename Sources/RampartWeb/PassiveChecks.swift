import Foundation
import RampartCore

/// The passive rules, run on every response as it arrives (crawl, discovery, API requests,
/// active probes), so that a scan cut short by its budget has checked what it fetched, and the
/// rules' own work observes the deadline too.
final class PassiveChecks: Sendable {
    /// Where a response came from: a probe's response adds an instance only where the crawl's
    /// did not already show the same rule on the same path (a traceback a payload caused, not
    /// every header rule again on each probe).
    enum Source: Sendable { case crawl, probe }

    struct Hit: Sendable {
        var rule: RuleMetadata
        var exchange: WebExchange
        var hit: WebHit
    }

    let rules: [any WebRule.Type]
    let localhostExemption: Bool
    let deadline: ContinuousClock.Instant
    private let state = Locked(State())

    private struct State {
        var hits: [Hit] = []
        var seen = Set<String>()
        var checked = 0
        var unchecked = 0
    }

    init(rules: [any WebRule.Type], localhostExemption: Bool, deadline: ContinuousClock.Instant) {
        self.rules = rules
        self.localhostExemption = localhostExemption
        self.deadline = deadline
    }

    var hits: [Hit] { state.withLock { $0.hits } }
    /// Responses the rules did not read because the budget ran out first.
    var unchecked: Int { state.withLock { $0.unchecked } }
    var checked: Int { state.withLock { $0.checked } }

    /// The page the rules read (parsed once, shared with the crawler).
    func page(for exchange: WebExchange, source: Source = .crawl) -> WebPage {
        WebPage(exchange, localhostExemption: localhostExemption, isProbeResponse: source == .probe)
    }

    func check(_ exchange: WebExchange, source: Source = .crawl) {
        check(page(for: exchange, source: source), source: source)
    }

    func check(_ page: WebPage, source: Source = .crawl) {
        let clock = ContinuousClock()
        guard clock.now < deadline else {
            state.withLock { $0.unchecked += 1 }
            return
        }
        var found: [Hit] = []
        for rule in rules {
            if clock.now >= deadline {
                state.withLock { $0.unchecked += 1 }
                return
            }
            for hit in rule.check(page) { found.append(Hit(rule: rule.metadata, exchange: page.exchange, hit: hit)) }
        }
        let path = Self.path(of: page.exchange.url)
        state.withLock { state in
            state.checked += 1
            for hit in found {
                let key = "\(hit.rule.id)\u{0}\(hit.exchange.method)\u{0}\(path)"
                let isNew = state.seen.insert(key).inserted
                if source == .crawl || isNew { state.hits.append(hit) }
            }
        }
    }

    /// The URL without query and fragment.
    static func path(of url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }
}
