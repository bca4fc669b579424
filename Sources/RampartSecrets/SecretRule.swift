import RampartCore

/// A secrets detector: a type with its rule metadata and the pattern that finds its secrets.
public protocol SecretRule: Rule {
    static var pattern: SecretPattern { get }
    /// An extra test of a candidate, beyond entropy, placeholders and validation; nil for none.
    static var accept: (@Sendable (SecretContext) -> Bool)? { get }
}

extension SecretRule {
    public static var accept: (@Sendable (SecretContext) -> Bool)? { nil }
}

/// What an offline check says of a candidate.
public enum SecretValidation: Sendable, Equatable {
    /// The format's checksum holds: the confidence is raised to high.
    case valid
    /// The format carries no checkable structure, or it was not checked.
    case unknown
    /// The checksum or structure does not hold: not a secret of this kind.
    case invalid
}

/// How a detector finds its secrets.
///
/// The scan runs the regular expression only near one of the keywords (matched ASCII
/// case-insensitively), on the line around it, or, for `multiline` detectors, on the text that
/// follows. The secret is capture group `secretGroup` (the named group `secret` when the
/// pattern has one), or the whole match.
public struct SecretPattern: Sendable {
    public var keywords: [String]
    /// A PCRE2 pattern (Perl/RE2 syntax).
    public var regex: String
    public var caseInsensitive: Bool
    public var secretGroup: Int?
    /// Minimum Shannon entropy (bits per byte) of the secret; nil for none.
    public var minEntropy: Double?
    /// Whether a match may span lines (private keys, say).
    public var multiline: Bool
    /// Offline validation (a checksum, say); nil when the format has none.
    public var validate: (@Sendable (String) -> SecretValidation)?
    /// Whether the placeholder filter applies (`YOUR_API_KEY`, `xxxx`, `…EXAMPLE`).
    public var filtersPlaceholders: Bool

    public init(
        keywords: [String], regex: String, caseInsensitive: Bool = false, secretGroup: Int? = nil,
        minEntropy: Double? = nil, multiline: Bool = false, filtersPlaceholders: Bool = true,
        validate: (@Sendable (String) -> SecretValidation)? = nil
    ) {
        self.keywords = keywords
        self.regex = regex
        self.caseInsensitive = caseInsensitive
        self.secretGroup = secretGroup
        self.minEntropy = minEntropy
        self.multiline = multiline
        self.filtersPlaceholders = filtersPlaceholders
        self.validate = validate
    }
}

extension RuleMetadata {
    /// Metadata for a secrets detector: id `secrets/<code>`, CWE-798 (hard-coded credentials).
    static func secret(
        _ code: String, title: String, severity: Severity = .high, confidence: Confidence = .high,
        cwe: Int = 798, tags: [String] = [], documentation: String, examples: [RuleExample]
    ) -> RuleMetadata {
        RuleMetadata(
            id: RuleID(scanner: "secrets", code: code), aliases: [], title: title, severity: severity,
            confidence: confidence, cwe: [cwe], owasp: .a07, tags: ["secret"] + tags,
            documentation: documentation, examples: examples
        )
    }
}
