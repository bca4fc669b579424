import Logging

/// A scanner runs one security activity (SAST, secrets, dependencies, …) and returns its findings.
///
/// Scanners depend on this module only. A file scanner reads `context.files` through
/// `context.forEachFile`, which reads in parallel, respects cancellation and turns per-file
/// failures into diagnostics; a target scanner (web, host) ignores the file list.
public protocol SecurityScanner: Sendable {
    /// The namespace of the scanner's rule ids and the name users select it by: `python`, `secrets`.
    var id: String { get }
    /// One line for `rampart rules` and reports: `Python SAST`.
    var title: String { get }
    /// Every rule the scanner can report.
    var rules: [RuleMetadata] { get }
    /// The file name a rule example is scanned as when the example names none.
    var exampleFileName: String { get }
    /// Whether the scanner reads this file; the engine uses it for progress totals and the file count.
    func wants(_ file: SourceFile) -> Bool
    /// Scans and returns what was found. Must return (with what it has) soon after cancellation.
    func scan(_ context: ScanContext) async -> ScannerOutput
    /// This scanner set up from its section of `.rampart.yml` (`python:` for the `python` scanner);
    /// errors name the file, line and key.
    func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner
}

extension SecurityScanner {
    public var exampleFileName: String { "example.txt" }

    /// Scanners without settings accept only an empty section.
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        if let first = try reader.mapping(section, key: id).first {
            throw reader.error(section, key: "\(id).\(first.key)", "unknown key: the \(id) scanner has no settings")
        }
        return self
    }
    /// Target scanners (web, host) read no files.
    public func wants(_ file: SourceFile) -> Bool { false }

    /// The metadata of one of this scanner's rules.
    public func rule(_ id: RuleID) -> RuleMetadata? {
        rules.first { $0.id == id }
    }
}
