/// What a scanner returns: its findings, its diagnostics and how many inputs it examined.
public struct ScannerOutput: Sendable {
    public var findings: [Finding]
    public var diagnostics: [Diagnostic]
    public var filesScanned: Int

    public init(findings: [Finding] = [], diagnostics: [Diagnostic] = [], filesScanned: Int = 0) {
        self.findings = findings
        self.diagnostics = diagnostics
        self.filesScanned = filesScanned
    }

    public mutating func merge(_ other: ScannerOutput) {
        findings += other.findings
        diagnostics += other.diagnostics
        filesScanned += other.filesScanned
    }
}
