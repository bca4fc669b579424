import RampartCore
import RampartRegex

/// A rule in Semgrep's format (search mode), as read from a rule file.
public struct CustomRule: @unchecked Sendable {
    public var id: String
    public var message: String
    /// The severity as written (`ERROR`, `HIGH`, …) and as Rampart ranks it.
    public var severityName: String
    public var severity: Severity
    public var confidence: Confidence
    public var languages: [String]
    public var cwe: [Int]
    public var owasp: OWASPCategory?
    public var references: [String]
    /// Other metadata, kept for reports (category, likelihood, impact, …).
    public var extraMetadata: [(key: String, value: String)]
    public var include: [GlobPattern]
    public var exclude: [GlobPattern]
    public var options: Options
    public var fix: String?
    public var fixRegex: FixRegex?
    var formula: Formula
    /// A `mode: taint` rule's sources, sinks, sanitizers and propagators (its `formula` is then
    /// their union, for the index only).
    var taint: TaintSpec?
    /// Where the rule is written.
    public var file: String
    public var line: Int

    public struct Options: Sendable, Hashable {
        public var constantPropagation = true
        public var symbolicPropagation = false
        /// `a and b` also matches `b and a` (Semgrep's `commutative_boolop`).
        public var commutativeBooleans = false
        public init() {}
    }

    public struct FixRegex: @unchecked Sendable {
        public var regex: ByteRegex
        public var replacement: String
        /// How many occurrences to replace; nil: all.
        public var count: Int?
    }

    /// Whether the rule runs on Python.
    public var isPython: Bool {
        languages.contains { ["python", "py", "python3", "python2"].contains($0.lowercased()) }
    }

    /// Whether `path` (relative to the scanned folder) passes the rule's `paths`.
    public func applies(to path: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { $0.matchesSelfOrAncestor(path, isDirectory: false) }) { return false }
        return !exclude.contains { $0.matchesSelfOrAncestor(path, isDirectory: false) }
    }
}

/// A rule's condition tree, Semgrep's formula.
final class Formula: @unchecked Sendable {
    enum Kind {
        /// A pattern (by index in the rule set's leaves).
        case pattern(Int)
        /// A `pattern-regex` (by index in the rule set's regex leaves).
        case regex(Int)
        case and([Formula])
        case or([Formula])
        case not(Formula)
        case inside(Formula)
        case anywhere(Formula)
    }

    let kind: Kind
    var conditions: [Condition] = []
    /// Each `focus-metavariable`: its metavariables.
    var focus: [[String]] = []
    /// The line it is written on (for messages).
    let line: Int

    init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

/// A `metavariable-*` condition.
enum Condition {
    case regex(metavariable: String, regex: ByteRegex, constantPropagation: Bool)
    case pattern(metavariable: String, language: String?, formula: Formula)
    /// With `strip`/`base`, the named metavariable's text is read as a number first.
    case comparison(ComparisonExpression, metavariable: String?, strip: Bool, base: Int?)
    case type(metavariable: String, types: [String])
}
