#if canImport(Glibc)
import Glibc
#endif

/// Everything `.rampart.yml` can say, with the defaults a new user gets. See `docs/configuration.md`.
public struct Configuration: Sendable, Hashable {
    /// Scanner ids to run; nil runs every scanner.
    public var scanners: [String]?
    /// When not empty, only files matching one of these globs are scanned.
    public var include: [String] = []
    public var exclude: [String] = []
    /// Skip `.git`, virtualenvs, `node_modules`, vendored folders and the like.
    public var useDefaultExcludes = true
    /// Findings below these are not reported.
    public var severityThreshold: Severity = .info
    public var confidenceThreshold: Confidence = .low
    public var failOn: GateThreshold = .defaultGate
    public var rules: [RuleID: RuleOverride] = [:]
    public var ignores: [IgnoreEntry] = []
    public var baseline: String?
    public var docsBaseURL: String = Configuration.defaultDocsBaseURL
    /// Appended after the rule id in `helpUri` (`.md` for the default, rendered Markdown pages).
    public var docsURLSuffix: String = Configuration.defaultDocsURLSuffix
    /// The time budget of a scan, in seconds.
    public var timeout: Double = 600
    /// The time one file may take in one scanner, in seconds: past it the file is reported as
    /// not checked and the others go on (one pathological file must not eat the whole budget).
    public var fileTimeout: Double = 60
    public var maxFileSize: Int = 5 * 1024 * 1024
    public var followSymlinks = false
    /// How many files are scanned at once.
    public var jobs: Int = Configuration.processorCount
    /// Sections named after a scanner id (`python:`), validated by that scanner.
    public var scannerSections: [String: ConfigNode] = [:]
    /// The file this configuration was read from, for messages; nil for defaults.
    public var sourcePath: String?

    public init() {}

    /// The reader for the paths this configuration names (`bandit_config`, `gitleaks_config`,
    /// `baseline`): confined to the scanned folder when the file lies inside it, as a
    /// repository's own `.rampart.yml` does; a file chosen outside it names paths freely.
    public func reader(scanRoot: String, displayName: String? = nil) -> NodeReader {
        guard let sourcePath else {
            let root = ConfinedRoot.scanRoot(scanRoot)
            return NodeReader(file: displayName ?? ".rampart.yml", folder: root.realPath, confinement: root)
        }
        return NodeReader.forFile(sourcePath, displayName: displayName, scanRoot: scanRoot)
    }

    public static let defaultDocsBaseURL = "https://github.com/rampart-sec/rampart/blob/main/docs/rules"
    public static let defaultDocsURLSuffix = ".md"
    public static let fileNames = [".rampart.yml", ".rampart.yaml"]

    public static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// `helpUri` for a rule: `<docs_base_url>/<rule-id><suffix>`.
    public func helpURI(for rule: RuleID) -> String {
        var base = docsBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/\(rule.rawValue)\(docsURLSuffix)"
    }

    /// Whether a rule runs, after per-rule configuration.
    public func isEnabled(_ rule: RuleID) -> Bool {
        rules[rule]?.enabled ?? true
    }

    /// Whether a scanner runs.
    public func isEnabled(scanner: String) -> Bool {
        scanners?.contains(scanner) ?? true
    }
}

/// Per-rule settings: turn off, or change the severity.
public struct RuleOverride: Sendable, Hashable {
    public var enabled: Bool?
    public var severity: Severity?

    public init(enabled: Bool? = nil, severity: Severity? = nil) {
        self.enabled = enabled
        self.severity = severity
    }
}

/// An `ignores:` entry: findings of `rule` under `path` are suppressed, for `reason`, until `expires`.
public struct IgnoreEntry: Sendable, Hashable {
    /// A rule id, code or glob (`python/*`); nil means every rule.
    public var rule: String?
    /// A path glob; nil means every path.
    public var path: String?
    public var reason: String
    /// The last day the ignore applies, `YYYY-MM-DD`.
    public var expires: String?
    /// Where it is written, for messages.
    public var line: Int

    public init(rule: String? = nil, path: String? = nil, reason: String, expires: String? = nil, line: Int = 0) {
        self.rule = rule
        self.path = path
        self.reason = reason
        self.expires = expires
        self.line = line
    }

    /// Expired when today (`YYYY-MM-DD`) is after the expiry day.
    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return today > expires
    }
}
