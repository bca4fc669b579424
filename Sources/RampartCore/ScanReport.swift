import Foundation

/// The result of a scan, as every reporter sees it.
public struct ScanReport: Sendable {
    public struct Target: Sendable, Hashable {
        /// The scan root as the user named it.
        public var path: String
        /// The git ref of `--since`, when the scan was incremental.
        public var since: String?

        public init(path: String, since: String? = nil) {
            self.path = path
            self.since = since
        }
    }

    /// What one scanner did.
    public struct ScannerRun: Sendable, Hashable {
        public var id: String
        public var title: String
        public var filesScanned: Int
        public var durationMs: Int
        /// False when a time budget ran out before the scanner had checked everything.
        public var completed: Bool
        /// What the scanner counted when it read no files (`412 requests, 57 pages`).
        public var work: String?

        public init(id: String, title: String, filesScanned: Int, durationMs: Int, completed: Bool, work: String? = nil) {
            self.id = id
            self.title = title
            self.filesScanned = filesScanned
            self.durationMs = durationMs
            self.completed = completed
            self.work = work
        }
    }

    public var toolVersion: String
    public var target: Target
    /// Reported findings in report order, suppressed ones included and marked.
    public var findings: [Finding]
    public var diagnostics: [Diagnostic]
    /// The rules of the scanners that ran, for rule tables (SARIF, JUnit).
    public var rules: [RuleMetadata]
    public var scanners: [ScannerRun]
    /// Files selected for scanning.
    public var files: Int
    /// Findings dropped because the baseline has them.
    public var baselined: Int
    /// Findings dropped by the severity or confidence threshold.
    public var belowThreshold: Int
    public var startTime: Date
    public var durationMs: Int
    public var failOn: GateThreshold
    public var timedOut: Bool
    /// The user accepted a scan cut short by a budget (`rampart web --partial-ok`): `timedOut`
    /// still says so, but it alone does not fail the scan.
    public var partialAccepted = false

    public init(
        toolVersion: String, target: Target, findings: [Finding] = [], diagnostics: [Diagnostic] = [],
        rules: [RuleMetadata] = [], scanners: [ScannerRun] = [], files: Int = 0, baselined: Int = 0,
        belowThreshold: Int = 0, startTime: Date = Date(), durationMs: Int = 0,
        failOn: GateThreshold = .defaultGate, timedOut: Bool = false
    ) {
        self.toolVersion = toolVersion
        self.target = target
        self.findings = findings
        self.diagnostics = diagnostics
        self.rules = rules
        self.scanners = scanners
        self.files = files
        self.baselined = baselined
        self.belowThreshold = belowThreshold
        self.startTime = startTime
        self.durationMs = durationMs
        self.failOn = failOn
        self.timedOut = timedOut
    }

    /// Findings that fail the gate: not suppressed and at or above `failOn`.
    /// Adds what another scan of the same repository reported (a pipeline's activities): its
    /// diagnostics, rules and scanner runs, counts, and whether it ran out of time. Findings
    /// are the caller's to combine (one finding per flaw: `FindingMerger`).
    public mutating func absorb(_ other: ScanReport) {
        diagnostics += other.diagnostics
        rules += other.rules.filter { rule in !rules.contains { $0.id == rule.id } }
        scanners += other.scanners
        files = max(files, other.files)
        baselined += other.baselined
        belowThreshold += other.belowThreshold
        timedOut = timedOut || other.timedOut
    }

    public var gatingFindings: [Finding] {
        findings.filter { !$0.isSuppressed && failOn.gates($0.severity) }
    }

    public var activeFindings: [Finding] { findings.filter { !$0.isSuppressed } }

    /// True when a scanner failed or the time budget ran out: exit code 3.
    public var hasFailures: Bool {
        (timedOut && !partialAccepted) || diagnostics.contains { $0.level == .error }
    }

    /// Unsuppressed findings counted by severity, every severity present.
    public var countsBySeverity: [(Severity, Int)] {
        Severity.allCases.reversed().map { severity in
            (severity, activeFindings.filter { $0.severity == severity }.count)
        }
    }

    public func rule(_ id: RuleID) -> RuleMetadata? {
        rules.first { $0.id == id }
    }

    /// The exit code of a scan: 3 scanner failure or timeout, 1 gating findings, 0 otherwise.
    public var exitCode: Int32 {
        if hasFailures { return 3 }
        return gatingFindings.isEmpty ? 0 : 1
    }
}
