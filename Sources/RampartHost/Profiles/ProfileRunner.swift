import Foundation
import RampartCore

/// A waiver: a control accepted as failing until a date, for a reason. Expired waivers stop
/// applying, and the result says so.
public struct Waiver: Sendable, Equatable {
    public var control: String
    public var reason: String
    /// `2026-12-31`; nil never expires.
    public var expires: String?

    public init(control: String, reason: String, expires: String? = nil) {
        self.control = control
        self.reason = reason
        self.expires = expires
    }

    public func isExpired(today: String) -> Bool { expires.map { $0 < today } ?? false }
}

/// One profile's results on one target.
public struct ProfileReport: Sendable {
    public var profile: Profile
    public var target: String
    public var results: [ControlResult]
    /// Waivers that matched a control: id and whether it had expired.
    public var waived: [String: (reason: String, expired: Bool)]
    public var durationSeconds: Double

    public func count(_ status: CheckResult.Status) -> Int { results.count { $0.status == status } }

    /// Passed over passed and failed, as a percentage (skipped controls do not count).
    public var score: Double {
        let decided = count(.passed) + count(.failed) + count(.error)
        return decided == 0 ? 100 : 100 * Double(count(.passed)) / Double(decided)
    }
}

/// Runs profiles' controls on a target.
public enum ProfileRunner {
    public static func run(_ profile: Profile, on target: any HostTarget, facts: HostFacts? = nil, waivers: [Waiver] = [], today: String = ProfileRunner.today()) -> ProfileReport {
        let started = ContinuousClock.now
        let facts = facts ?? HostFacts(target: target)
        var waived: [String: (reason: String, expired: Bool)] = [:]
        let results = profile.controls.map { control -> ControlResult in
            if let waiver = waivers.first(where: { $0.control == control.id }) {
                let expired = waiver.isExpired(today: today)
                waived[control.id] = (waiver.reason, expired)
                if !expired {
                    let until = waiver.expires.map { " (until \($0))" } ?? ""
                    return ControlResult(control: control, results: [CheckResult(.skipped, "waived", message: "waived: \(waiver.reason)\(until)")])
                }
            }
            return evaluate(control, facts: facts)
        }
        let elapsed = ContinuousClock.now - started
        return ProfileReport(profile: profile, target: target.name, results: results, waived: waived,
                             durationSeconds: elapsed.inSeconds)
    }

    public static func evaluate(_ control: Control, facts: HostFacts) -> ControlResult {
        if control.needsLiveSystem && !facts.target.isLive {
            return ControlResult(control: control, results: [CheckResult(.skipped, control.title, message: "needs a running system; \(facts.target.name) is a root file system")])
        }
        for condition in control.onlyIf {
            let outcomes = evaluate(condition, facts: facts)
            if let unmet = outcomes.first(where: { $0.status != .passed }) {
                return ControlResult(control: control, results: [CheckResult(.skipped, control.title, message: "only if \(unmet.codeDesc): not met" + (unmet.message.map { " (\($0))" } ?? ""))])
            }
        }
        return ControlResult(control: control, results: control.checks.flatMap { evaluate($0, facts: facts) })
    }

    public static func evaluate(_ check: Check, facts: HostFacts) -> [CheckResult] {
        switch check {
        case .custom(let custom):
            return custom.evaluate(facts)
        case .expect(let query, let matcher):
            let description = describe(query, matcher)
            switch facts.fact(query) {
            case .skipped(let reason):
                return [CheckResult(.skipped, description, message: reason)]
            case .error(let message):
                return [CheckResult(.error, description, message: message)]
            case .value(let value):
                if matcher.matches(value) { return [CheckResult(.passed, description)] }
                return [CheckResult(.failed, description, message: "got \(value.display)")]
            }
        }
    }

    /// `File /etc/shadow mode should not be more permissive than 0640`, as InSpec words it.
    static func describe(_ query: FactQuery, _ matcher: Matcher) -> String {
        let resource = query.resource.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return "\(resource) \(query.argument) \(query.property) should \(matcher)"
    }

    public static func today() -> String { UTCDate.day() }
}

extension ProfileReport {
    /// Failed controls as findings (`host/<control id>`, severity from impact).
    public func findings() -> [Finding] {
        results.filter { $0.status == .failed || $0.status == .error }.map { result in
            let control = result.control
            let failures = result.results.filter { $0.status == .failed || $0.status == .error }
            let rule = RuleMetadata(id: RuleID(scanner: "host", code: control.id), title: control.title, severity: control.severity, confidence: .high,
                                    tags: ["compliance", profile.name] + control.tags, documentation: control.description, examples: [])
            let detail = failures.prefix(3).map { $0.codeDesc + ($0.message.map { " (\($0))" } ?? "") }.joined(separator: "; ")
            return Finding(rule: rule, location: .host(HostLocation(host: target, control: control.id, resource: failures.first?.codeDesc)),
                           message: "\(control.title): \(detail)")
        }
    }
}
