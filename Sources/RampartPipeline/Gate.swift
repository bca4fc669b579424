import Foundation
import RampartCore

/// A security acceptance criterion: at most `max` findings that match its filter, counted after
/// the baseline (so they are new), suppressions and waivers.
///
/// ```yaml
/// gates:
///   - name: no new finding of severity high or above
///     severity: high
///   - name: no secret at all
///     activities: [secrets]
///     severity: info
///   - name: every host control of impact 0.7 or more passes
///     activities: [host]
///     severity: high
/// ```
public struct Gate: Sendable, Equatable {
    public var name: String
    /// Findings at or above this severity count.
    public var severity: Severity
    /// The activities whose findings count; empty: every activity of the stage.
    public var activities: [String]
    /// Only these rules (`python/B602`, `host/sshd-06`); empty: every rule.
    public var rules: [String]
    /// Only findings with at least this confidence.
    public var confidence: Confidence
    /// Dependency findings only when a fixed version exists (`fixable: true`).
    public var fixableOnly: Bool
    /// Dependency findings only when their advisory was published more than this many days ago
    /// (`older_than_days: 30`: a fix has been known for a month).
    public var olderThanDays: Int?
    public var max: Int
    public var line: Int

    public init(name: String, severity: Severity = .high, activities: [String] = [], rules: [String] = [], confidence: Confidence = .low,
                fixableOnly: Bool = false, olderThanDays: Int? = nil, max: Int = 0, line: Int = 0) {
        self.name = name
        self.severity = severity
        self.activities = activities
        self.rules = rules
        self.confidence = confidence
        self.fixableOnly = fixableOnly
        self.olderThanDays = olderThanDays
        self.max = max
        self.line = line
    }

    public struct Outcome: Sendable {
        public var gate: Gate
        public var count: Int
        public var passed: Bool { count <= gate.max }
        /// A few of the findings that broke it, for the summary.
        public var examples: [Finding]
    }

    /// Judges the gate on the findings of a stage's activities (activity id → findings).
    public func evaluate(_ findings: [String: [Finding]], today: String = UTCDate.day()) -> Outcome {
        let counted = findings.filter { activities.isEmpty || activities.contains($0.key) }.values.joined().filter { matches($0, today: today) }
        return Outcome(gate: self, count: counted.count, examples: Array(counted.prefix(5)))
    }

    /// Whether `finding` of the activity `activity` counts against this gate.
    public func counts(_ finding: Finding, activity: String, today: String = UTCDate.day()) -> Bool {
        (activities.isEmpty || activities.contains(activity)) && matches(finding, today: today)
    }

    func matches(_ finding: Finding, today: String = UTCDate.day()) -> Bool {
        guard !finding.isSuppressed, finding.severity >= severity, finding.confidence >= confidence else { return false }
        if !rules.isEmpty && !rules.contains(finding.ruleId.rawValue) { return false }
        if fixableOnly && (finding.component?.fixedVersions.isEmpty ?? true) { return false }
        if let olderThanDays {
            guard let published = finding.component?.advisoryPublished, let age = Self.days(from: published, to: today), age > olderThanDays else { return false }
        }
        return true
    }

    /// Whole days from one `YYYY-MM-DD` to another.
    static func days(from start: String, to end: String) -> Int? {
        func date(_ text: String) -> Date? {
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        }
        guard let from = date(start), let to = date(end) else { return nil }
        return Int((to.timeIntervalSince(from) / 86_400).rounded())
    }
}
