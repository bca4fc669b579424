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
    public var max: Int
    public var line: Int

    public init(name: String, severity: Severity = .high, activities: [String] = [], rules: [String] = [], confidence: Confidence = .low,
                fixableOnly: Bool = false, max: Int = 0, line: Int = 0) {
        self.name = name
        self.severity = severity
        self.activities = activities
        self.rules = rules
        self.confidence = confidence
        self.fixableOnly = fixableOnly
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
    public func evaluate(_ findings: [String: [Finding]]) -> Outcome {
        let counted = findings.filter { activities.isEmpty || activities.contains($0.key) }.values.joined().filter(matches)
        return Outcome(gate: self, count: counted.count, examples: Array(counted.prefix(5)))
    }

    /// Whether `finding` of the activity `activity` counts against this gate.
    public func counts(_ finding: Finding, activity: String) -> Bool {
        (activities.isEmpty || activities.contains(activity)) && matches(finding)
    }

    func matches(_ finding: Finding) -> Bool {
        guard !finding.isSuppressed, finding.severity >= severity, finding.confidence >= confidence else { return false }
        if !rules.isEmpty && !rules.contains(finding.ruleId.rawValue) { return false }
        if fixableOnly && (finding.component?.fixedVersions.isEmpty ?? true) { return false }
        return true
    }
}
