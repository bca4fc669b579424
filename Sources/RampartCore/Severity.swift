/// How bad a finding is if it is real. Ordered from `info` to `critical`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, low, medium, high, critical

    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Parses a severity case-insensitively, accepting Bandit's upper-case spelling.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }

    /// The number GitHub code scanning reads from `properties.security-severity`.
    public var securitySeverityScore: String? {
        switch self {
        case .info: nil
        case .low: "3.0"
        case .medium: "5.5"
        case .high: "8.0"
        case .critical: "9.5"
        }
    }
}

/// How sure the rule is that a finding is real. Ordered from `low` to `high`.
public enum Confidence: String, Sendable, CaseIterable, Comparable, Codable {
    case low, medium, high

    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }

    /// One level less sure (low stays low).
    public var lowered: Confidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }

    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }
}

/// The `--fail-on` gate: a severity, or `none` to never fail on findings.
public enum GateThreshold: Sendable, Hashable, CustomStringConvertible {
    case severity(Severity)
    case none

    public init?(parsing text: String) {
        if text.lowercased() == "none" {
            self = .none
        } else if let severity = Severity(parsing: text) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    public func gates(_ severity: Severity) -> Bool {
        switch self {
        case .none: false
        case .severity(let threshold): severity >= threshold
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .severity(let s): s.rawValue
        }
    }

    /// The default gate: fail on high and critical findings, the usual first step of a pipeline gate.
    public static let defaultGate = GateThreshold.severity(.high)
}
