import Foundation
import RampartCore

/// SARIF 2.1.0 as GitHub code scanning accepts it: a rules table with help and
/// `security-severity`, results with `ruleIndex`, regions and `partialFingerprints`.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/rampart-sec/rampart"
    public var format: ReportFormat { .sarif }

    public init() {}

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        document(report, context: context).serialized(pretty: true) + "\n"
    }

    public func document(_ report: ScanReport, context: ReportContext) -> JSONValue {
        var rules = report.rules
        var ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for finding in report.findings where ruleIndex[finding.ruleId] == nil {
            ruleIndex[finding.ruleId] = rules.count
            rules.append(RuleMetadata(
                id: finding.ruleId, title: finding.title, severity: finding.severity, confidence: finding.confidence,
                cwe: finding.cwe, owasp: finding.owasp, tags: finding.tags, documentation: finding.title, examples: []
            ))
        }
        let helpURIs = Dictionary(report.findings.compactMap { f in f.helpUri.map { (f.ruleId, $0) } }, uniquingKeysWith: { a, _ in a })
        let lineHashes = LineHashCache(root: context.root, paths: report.findings.compactMap { finding in
            if case .source(let source) = finding.location { source.path } else { nil }
        })
        let results = report.findings.map { finding in
            result(finding, ruleIndex: ruleIndex[finding.ruleId] ?? 0, lineHashes: lineHashes)
        }
        let notifications = report.diagnostics.filter { $0.level != .note }.map { diagnostic in
            JSONValue.compactObject([
                ("level", .string(diagnostic.level == .error ? "error" : "warning")),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("descriptor", .object([("id", .string(diagnostic.code))])),
                ("locations", diagnostic.path.map { path in
                    .array([.object([("physicalLocation", .compactObject([
                        ("artifactLocation", .object([("uri", .string(Self.uri(path)))])),
                        ("region", diagnostic.line.map { .object([("startLine", .int($0))]) }),
                    ]))])])
                }),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("Rampart")),
                ("semanticVersion", .string(report.toolVersion)),
                ("informationUri", .string(Self.informationURI)),
                ("rules", .array(rules.map { rule in ruleDescriptor(rule, helpUri: helpURIs[rule.id]) })),
            ]))])),
            ("automationDetails", .object([("id", .string("rampart/\(report.scanners.isEmpty ? "scan" : report.scanners.map(\.id).joined(separator: "+"))/"))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(!report.hasFailures)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("results", .array(results)),
        ])
        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    private func ruleDescriptor(_ rule: RuleMetadata, helpUri: String?) -> JSONValue {
        var tags = ["security"] + rule.tags
        tags += rule.cwe.map { "external/cwe/cwe-\($0)" }
        if let owasp = rule.owasp { tags.append("external/owasp/\(owasp.rawValue.lowercased())") }
        let summary = Self.firstParagraph(rule.documentation) ?? rule.title
        return .compactObject([
            ("id", .string(rule.id.rawValue)),
            ("name", .string(Self.pascalCase(rule.title))),
            ("shortDescription", .object([("text", .string(String(rule.title.prefix(1024))))])),
            ("fullDescription", .object([("text", .string(String(summary.prefix(1024))))])),
            ("helpUri", helpUri.map(JSONValue.string)),
            ("help", .object([("text", .string(rule.documentation)), ("markdown", .string(rule.documentation))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ("properties", .compactObject([
                ("tags", .array(Array(tags.prefix(20)).map(JSONValue.string))),
                ("precision", .string(rule.confidence.rawValue)),
                ("security-severity", rule.severity.securitySeverityScore.map(JSONValue.string)),
            ])),
        ])
    }

    private func result(_ finding: Finding, ruleIndex: Int, lineHashes: LineHashCache) -> JSONValue {
        var fingerprints: [(String, JSONValue)] = []
        if case .source(let source) = finding.location, let hash = lineHashes.hash(path: source.path, line: source.line) {
            fingerprints.append(("primaryLocationLineHash", .string(hash)))
        }
        fingerprints.append(("rampart/v1", .string(finding.fingerprint)))
        return .compactObject([
            ("ruleId", .string(finding.ruleId.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.message.isEmpty ? finding.title : finding.message))])),
            ("locations", .array([location(finding.location)])),
            ("partialFingerprints", .object(fingerprints)),
            ("fixes", fixes(finding)),
            ("codeFlows", codeFlows(finding)),
            ("suppressions", finding.suppression.map { suppression in
                .array([.compactObject([
                    ("kind", .string(suppression.kind == .config ? "external" : "inSource")),
                    ("justification", suppression.reason.map(JSONValue.string)),
                ])])
            }),
            ("properties", .compactObject([
                ("severity", .string(finding.severity.rawValue)),
                ("confidence", .string(finding.confidence.rawValue)),
                ("security-severity", finding.severity.securitySeverityScore.map(JSONValue.string)),
            ])),
        ])
    }

    /// SARIF's `codeFlows`: a dataflow finding's way from its source to its sink, one thread
    /// flow whose locations are the steps (GitHub shows them as the alert's "paths").
    private func codeFlows(_ finding: Finding) -> JSONValue? {
        guard !finding.trace.isEmpty else { return nil }
        let locations: [JSONValue] = finding.trace.map { step in
            .object([
                ("location", .object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(Self.uri(step.path)))])),
                        ("region", .object([
                            ("startLine", .int(step.line)), ("startColumn", .int(step.column)),
                            ("endLine", .int(step.endLine)), ("endColumn", .int(step.endColumn)),
                        ])),
                    ])),
                    ("message", .object([("text", .string(step.kind.rawValue))])),
                ])),
                ("kinds", .array([.string(step.kind == .step ? "taint" : step.kind.rawValue)])),
            ])
        }
        return .array([.object([("threadFlows", .array([.object([("locations", .array(locations))])]))])])
    }

    /// SARIF's `fixes`: the edit a custom rule's `fix` makes.
    private func fixes(_ finding: Finding) -> JSONValue? {
        guard let fix = finding.fix, case .source(let source) = finding.location else { return nil }
        return .array([.object([
            ("description", .object([("text", .string("Apply the fix of rule \(finding.ruleId.rawValue)"))])),
            ("artifactChanges", .array([.object([
                ("artifactLocation", .object([("uri", .string(Self.uri(source.path)))])),
                ("replacements", .array([.object([
                    ("deletedRegion", .object([
                        ("startLine", .int(fix.line)), ("startColumn", .int(fix.column)),
                        ("endLine", .int(fix.endLine)), ("endColumn", .int(fix.endColumn)),
                    ])),
                    ("insertedContent", .object([("text", .string(fix.replacement))])),
                ])])),
            ])])),
        ])])
    }

    private func location(_ location: Location) -> JSONValue {
        switch location {
        case .source(let s):
            return .object([("physicalLocation", .compactObject([
                ("artifactLocation", .object([("uri", .string(Self.uri(s.path)))])),
                ("region", .compactObject([
                    ("startLine", .int(s.line)),
                    ("startColumn", .int(s.column)),
                    ("endLine", .int(s.endLine)),
                    ("endColumn", s.endLine == s.line && s.endColumn <= s.column ? nil : .int(s.endColumn)),
                    ("snippet", s.snippet.map { .object([("text", .string($0))]) }),
                ])),
            ]))])
        case .web(let w):
            return .object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(w.url))])),
                    ("region", .object([("startLine", .int(1))])),
                ])),
                ("logicalLocations", .array([.compactObject([
                    ("name", .string(w.parameter ?? w.url)),
                    ("fullyQualifiedName", .string("\(w.method) \(w.url)" + (w.parameter.map { " [\($0)]" } ?? ""))),
                    ("kind", .string("resource")),
                ])])),
            ])
        case .host(let h):
            return .object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(Self.uri(h.resource ?? h.control)))])),
                    ("region", .object([("startLine", .int(1))])),
                ])),
                ("logicalLocations", .array([.object([
                    ("name", .string(h.control)),
                    ("fullyQualifiedName", .string("\(h.host)/\(h.control)")),
                    ("kind", .string("resource")),
                ])])),
            ])
        }
    }

    /// A relative path as a URI reference: `%`-escapes for characters a URI cannot hold.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The first paragraph of a Markdown text that is not a heading.
    static func firstParagraph(_ markdown: String) -> String? {
        let paragraphs = markdown.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let text = paragraph.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// `subprocess call with shell=True` → `SubprocessCallWithShellTrue`.
    static func pascalCase(_ title: String) -> String {
        title.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// Reads each file once to hash its lines.
/// The line hashes of every file findings point at, computed once per file, files in parallel.
struct LineHashCache {
    private let hashes: [String: LineHashes]

    init(root: String, paths: [String]) {
        let confined = ConfinedRoot(root)
        let unique = Array(Set(paths))
        let tables = ParallelMap.map(unique) { path in
            // Paths of imported findings are the imported tool's word: read only inside the root.
            (try? confined.read(path, limit: 16 << 20)).map { LineHash.hashes(of: SourceText(bytes: $0).text) } ?? LineHashes()
        }
        hashes = Dictionary(uniqueKeysWithValues: zip(unique, tables))
    }

    func hash(path: String, line: Int) -> String? {
        hashes[path]?[line]
    }
}
