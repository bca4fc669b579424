/// Everything there is to know about a rule except how it detects: the single source of
/// `rampart rules`, the rule's documentation page, SARIF's rules table and the example tests.
public struct RuleMetadata: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case stable, preview, deprecated
    }

    public var id: RuleID
    /// Other names users write in `# nosec` and configuration: Bandit's test name, say.
    public var aliases: [String]
    public var title: String
    public var severity: Severity
    public var confidence: Confidence
    public var cwe: [Int]
    public var owasp: OWASPCategory?
    public var tags: [String]
    public var status: Status
    /// Markdown with the sections: what it does, why it matters, what to do instead, references.
    public var documentation: String
    public var examples: [RuleExample]

    public init(
        id: RuleID,
        aliases: [String] = [],
        title: String,
        severity: Severity,
        confidence: Confidence,
        cwe: [Int] = [],
        owasp: OWASPCategory? = nil,
        tags: [String] = [],
        status: Status = .stable,
        documentation: String,
        examples: [RuleExample]
    ) {
        self.id = id
        self.aliases = aliases
        self.title = title
        self.severity = severity
        self.confidence = confidence
        self.cwe = cwe
        self.owasp = owasp
        self.tags = tags
        self.status = status
        self.documentation = documentation
        self.examples = examples
    }

    /// True when `name` is this rule's id, its code (`B602`) or one of its aliases; case-insensitive.
    public func isNamed(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == id.rawValue.lowercased() || lowered == id.code.lowercased()
            || aliases.contains { $0.lowercased() == lowered }
    }
}

/// A piece of input that must, or must not, make its rule fire. Examples are the rule's tests.
public struct RuleExample: Sendable, Hashable {
    public enum Expectation: String, Sendable, Hashable {
        case triggers, passes
    }

    public var code: String
    public var expectation: Expectation
    /// The file name the example is scanned as; a scanner picks files by name.
    public var fileName: String?
    public var sourceFile: String
    public var sourceLine: UInt

    public init(_ code: String, _ expectation: Expectation, fileName: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.code = code
        self.expectation = expectation
        self.fileName = fileName
        self.sourceFile = "\(file)"
        self.sourceLine = line
    }

    public static func triggers(_ code: String, fileName: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
        RuleExample(code, .triggers, fileName: fileName, file: file, line: line)
    }

    public static func passes(_ code: String, fileName: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
        RuleExample(code, .passes, fileName: fileName, file: file, line: line)
    }
}

/// A rule is a type with its metadata; scanners list the rules they run.
public protocol Rule: Sendable {
    static var metadata: RuleMetadata { get }
}
