import Foundation

/// One thing a scanner found. Every scanner produces these and every reporter consumes them.
///
/// Scanners fill what they know (rule, location, message); the engine completes the rest from the
/// rule's metadata and the configuration: severity overrides, `helpUri`, fingerprint, suppression.
public struct Finding: Sendable, Hashable {
    public var ruleId: RuleID
    public var scanner: String
    public var title: String
    public var message: String
    public var severity: Severity
    public var confidence: Confidence
    public var location: Location
    public var cwe: [Int]
    public var owasp: OWASPCategory?
    public var tags: [String]
    public var helpUri: String?
    /// Stable identity across runs: rule, place and normalised code context, never line numbers.
    public var fingerprint: String
    public var suppression: Suppression?
    /// The package a dependency finding is about.
    public var component: Component?
    /// The secret a secrets finding is about, redacted unless asked otherwise.
    public var secret: SecretInfo?
    /// The commit that introduced a finding of a git history scan.
    public var commit: CommitInfo?
    /// Every place a grouped finding occurs (a web rule's pages), the location being the site.
    public var instances: [WebLocation] = []
    /// The tools that reported this flaw here, when more than the scanner did (Rampart's SAST
    /// and an imported Bandit report, say); empty for a finding of one source.
    public var sources: [FindingSource] = []
    /// An edit that fixes it (a custom rule's `fix`), for `--fix` and SARIF's `fixes`.
    public var fix: SourceFix?
    /// A dataflow finding's way from where the data comes from to where it must not go.
    public var trace: [TraceStep] = []

    public var isSuppressed: Bool { suppression != nil }

    public init(
        ruleId: RuleID,
        scanner: String? = nil,
        title: String,
        message: String,
        severity: Severity,
        confidence: Confidence,
        location: Location,
        cwe: [Int] = [],
        owasp: OWASPCategory? = nil,
        tags: [String] = [],
        helpUri: String? = nil,
        fingerprint: String = "",
        suppression: Suppression? = nil,
        component: Component? = nil
    ) {
        self.ruleId = ruleId
        self.scanner = scanner ?? ruleId.scanner
        self.title = title
        self.message = message
        self.severity = severity
        self.confidence = confidence
        self.location = location
        self.cwe = cwe
        self.owasp = owasp
        self.tags = tags
        self.helpUri = helpUri
        self.fingerprint = fingerprint
        self.suppression = suppression
        self.component = component
    }

    /// A finding for `rule` at `location`, taking title, severity, confidence, CWE, OWASP and tags from the rule.
    public init(rule: RuleMetadata, location: Location, message: String? = nil) {
        self.init(
            ruleId: rule.id,
            title: rule.title,
            message: message ?? rule.title,
            severity: rule.severity,
            confidence: rule.confidence,
            location: location,
            cwe: rule.cwe,
            owasp: rule.owasp,
            tags: rule.tags
        )
    }

    /// Orders findings for stable output: by path, line, column, then rule id.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let ka = a.sortKey, kb = b.sortKey
        if ka.0 != kb.0 { return ka.0 < kb.0 }
        if ka.1 != kb.1 { return ka.1 < kb.1 }
        if ka.2 != kb.2 { return ka.2 < kb.2 }
        if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
        return a.fingerprint < b.fingerprint
    }

    /// Sorts in `reportOrder`, each finding's key taken once (findings are large to move around).
    public static func sortInReportOrder(_ findings: inout [Finding]) {
        struct Key {
            var place: (String, Int, Int)
            var rule: RuleID
            var fingerprint: String
            var index: Int
        }
        var keys = findings.indices.map { Key(place: findings[$0].sortKey, rule: findings[$0].ruleId, fingerprint: findings[$0].fingerprint, index: $0) }
        keys.sort { a, b in
            if a.place.0 != b.place.0 { return a.place.0 < b.place.0 }
            if a.place.1 != b.place.1 { return a.place.1 < b.place.1 }
            if a.place.2 != b.place.2 { return a.place.2 < b.place.2 }
            if a.rule != b.rule { return a.rule < b.rule }
            if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
            return a.index < b.index
        }
        // Permuted in place, cycle by cycle: a second array of findings would double the peak.
        var placed = [Bool](repeating: false, count: keys.count)
        for start in keys.indices where !placed[start] {
            let first = findings[start]
            var position = start
            while true {
                placed[position] = true
                let source = keys[position].index
                if source == start {
                    findings[position] = first
                    break
                }
                findings[position] = findings[source]
                position = source
            }
        }
    }

    private var sortKey: (String, Int, Int) {
        switch location {
        case .source(let s): (s.path, s.line, s.column)
        case .web(let w): (w.url, 0, 0)
        case .host(let h): (h.host + "\u{0}" + h.control, 0, 0)
        }
    }
}

/// A found secret as reports show it: redacted (first characters and the length) unless the
/// user asked for secrets in full. `digest` identifies the secret without revealing it.
public struct SecretInfo: Sendable, Hashable {
    public var redacted: String
    public var length: Int
    /// Hex SHA-256 of the secret: fingerprints and deduplication use it, never the secret itself.
    public var digest: String
    /// The secret in full, only with `--show-secrets`.
    public var plaintext: String?
    /// Whether an offline check (a checksum, say) confirmed the format.
    public var validated: Bool

    public init(redacted: String, length: Int, digest: String, plaintext: String? = nil, validated: Bool = false) {
        self.redacted = redacted
        self.length = length
        self.digest = digest
        self.plaintext = plaintext
        self.validated = validated
    }
}

/// A git commit, for findings of a history scan.
public struct CommitInfo: Sendable, Hashable {
    public var sha: String
    public var author: String
    public var email: String
    /// ISO 8601.
    public var date: String
    public var summary: String

    public init(sha: String, author: String, email: String, date: String, summary: String) {
        self.sha = sha
        self.author = author
        self.email = email
        self.date = date
        self.summary = summary
    }
}

/// Why a finding does not count: an inline comment or a configured ignore, with its reason.
public struct Suppression: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `# nosec`, `# nosec B602`.
        case nosec
        /// `# rampart: ignore[rule] reason`.
        case inline
        /// An entry of `ignores:` in the configuration.
        case config
    }

    public var kind: Kind
    public var reason: String?
    /// The last day a configured ignore applies, as `YYYY-MM-DD`.
    public var expires: String?

    public init(kind: Kind, reason: String? = nil, expires: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.expires = expires
    }
}

/// A package a finding is about: `requests 2.31.0` from PyPI.
public struct Component: Sendable, Hashable {
    public var name: String
    public var version: String?
    /// `PyPI`, `npm`, … as OSV names ecosystems.
    public var ecosystem: String?
    /// Versions that fix the finding, when known.
    public var fixedVersions: [String]
    /// The day (`YYYY-MM-DD`) the advisory of a vulnerability finding was first published: how
    /// long a fix has been known (gates with `older_than_days`).
    public var advisoryPublished: String?

    public init(name: String, version: String? = nil, ecosystem: String? = nil, fixedVersions: [String] = [], advisoryPublished: String? = nil) {
        self.name = name
        self.version = version
        self.ecosystem = ecosystem
        self.fixedVersions = fixedVersions
        self.advisoryPublished = advisoryPublished
    }

    /// A package URL (`pkg:pypi/requests@2.31.0`) for ecosystems with a known purl type.
    public var purl: String? {
        guard let type = ecosystem.map({ $0.lowercased() }), ["pypi", "npm", "cargo", "golang", "maven", "gem"].contains(type) else { return nil }
        let normalized = type == "pypi" ? name.lowercased().replacingOccurrences(of: "_", with: "-") : name
        return "pkg:\(type)/\(normalized)" + (version.map { "@\($0)" } ?? "")
    }
}

/// A tool that reported a finding, with its own rule id (`bandit` `B602`).
public struct FindingSource: Sendable, Hashable {
    public var tool: String
    public var ruleId: String

    public init(tool: String, ruleId: String) {
        self.tool = tool
        self.ruleId = ruleId
    }
}

/// A replacement of a region of a source file: 1-based lines, 1-based UTF-8 byte columns, the
/// end exclusive (as `SourceLocation`).
public struct SourceFix: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var replacement: String

    public init(line: Int, column: Int, endLine: Int, endColumn: Int, replacement: String) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.replacement = replacement
    }
}

extension Finding {
    /// The trace on one line (`app.py:10 → app.py:12`), for reports that show it compactly.
    public var traceSummary: String? {
        guard !trace.isEmpty else { return nil }
        return trace.map { "\($0.path):\($0.line)" }.joined(separator: " → ")
    }
}

/// One step of a dataflow finding's trace: where tainted data comes from (`source`), each
/// place it flows through (`step`), where it arrives (`sink`). Lines and columns as
/// `SourceLocation`'s.
public struct TraceStep: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case source, step, sink
    }

    public var kind: Kind
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(kind: Kind, path: String, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }
}
