/// What a scanner returns: its findings, its diagnostics and how many inputs it examined.
public struct ScannerOutput: Sendable {
    public var findings: [Finding]
    public var diagnostics: [Diagnostic]
    public var filesScanned: Int
    /// A budget of the scanner's own (a web scan's `--max-time`) ended it before it had checked
    /// everything it set out to: the report says so and the scan does not pass.
    public var timedOut: Bool
    /// What the scanner counts when it does not read files (`412 requests, 57 pages`).
    public var work: String?

    public init(findings: [Finding] = [], diagnostics: [Diagnostic] = [], filesScanned: Int = 0, timedOut: Bool = false, work: String? = nil) {
        self.findings = findings
        self.diagnostics = diagnostics
        self.filesScanned = filesScanned
        self.timedOut = timedOut
        self.work = work
    }

    public mutating func merge(_ other: ScannerOutput) {
        findings += other.findings
        diagnostics += other.diagnostics
        filesScanned += other.filesScanned
        timedOut = timedOut || other.timedOut
        if let more = other.work { work = work.map { $0 + "; " + more } ?? more }
    }
}
