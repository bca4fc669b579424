import PythonSyntax
import RampartCore

/// The node kinds Bandit runs checks on.
public enum PythonNodeKind: Int, Sendable, Hashable, CaseIterable {
    case call, importStatement, importFrom, functionDef, string, bytes, assertStatement, exceptHandler, file

    static let count = allCases.count
    var index: Int { rawValue }
}

/// What a rule reports: Bandit's severity and confidence for this situation, a message, and the
/// line when it is not the node's own (`shell=` on another line of a call, say).
public struct RuleHit: Sendable {
    public var severity: Severity
    public var confidence: Confidence
    public var message: String
    public var line: Int?

    public init(_ severity: Severity, _ confidence: Confidence, _ message: String, line: Int? = nil) {
        self.severity = severity
        self.confidence = confidence
        self.message = message
        self.line = line
    }
}

/// A Python SAST rule: a type with its metadata that checks one kind of node.
public protocol PythonRule: Rule {
    /// The node kinds the rule looks at.
    static var nodeKinds: Set<PythonNodeKind> { get }
    /// For call rules that only look at calls of known qualified names: those names, so the
    /// walker runs the rule on nothing else. nil: every call.
    static var callNames: Set<String>? { get }
    /// For call rules that only look at calls whose name's last part (`get` of `requests.get`)
    /// is one of these. nil: every call. Ignored when `callNames` is set.
    static var callLastNames: Set<String>? { get }
    static func check(_ context: PythonRuleContext) -> RuleHit?
}

extension PythonRule {
    public static var callNames: Set<String>? { nil }
    public static var callLastNames: Set<String>? { nil }
}

extension RuleMetadata {
    /// Metadata for a Bandit check: id `python/<code>`, Bandit's test name as alias, its
    /// default severity and confidence.
    static func bandit(
        _ code: String, _ name: String, title: String, severity: Severity, confidence: Confidence,
        cwe: Int, owasp: OWASPCategory? = nil, tags: [String] = [], documentation: String, examples: [RuleExample]
    ) -> RuleMetadata {
        RuleMetadata(
            id: RuleID(scanner: "python", code: code), aliases: [name], title: title, severity: severity,
            confidence: confidence, cwe: cwe == 0 ? [] : [cwe], owasp: owasp, tags: ["bandit"] + tags,
            documentation: documentation, examples: examples
        )
    }
}
