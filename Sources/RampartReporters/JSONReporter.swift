import RampartCore

/// The versioned findings document, `rampart/findings@1`, documented in `docs/findings-schema.md`.
public struct JSONReporter: Reporter {
    public static let schema = "rampart/findings@1"
    public var format: ReportFormat { .json }

    public init() {}

    /// Writes the document finding by finding, so a large report never exists as a tree; the text is the same as `document(report).serialized(pretty: true)`.
    public func render(_ report: ScanReport, context: ReportContext) -> String {
        let empty = document(report, includingFindings: false).serialized(pretty: true)
        guard !report.findings.isEmpty, let slot = empty.range(of: "\"findings\": []") else { return empty + "\n" }
        var out = String(empty[..<slot.lowerBound])
        out.reserveCapacity(report.findings.count * 900)
        out += "\"findings\": ["
        // Findings are written in chunks on every core, a few chunks at a time (so the text
        // exists about once in memory), and joined in order.
        let findings = report.findings
        let chunkSize = 256
        let starts = Array(stride(from: 0, to: findings.count, by: chunkSize))
        for batch in stride(from: 0, to: starts.count, by: 8) {
            let chunks = ParallelMap.map(Array(starts[batch..<min(batch + 8, starts.count)])) { start in
                var text = ""
                for index in start..<min(start + chunkSize, findings.count) {
                    text += index == 0 ? "\n    " : ",\n    "
                    Self.finding(findings[index]).write(to: &text, pretty: true, indent: 2)
                }
                return text
            }
            for chunk in chunks { out += chunk }
        }
        out += "\n  ]"
        out += empty[slot.upperBound...]
        return out + "\n"
    }

    public func document(_ report: ScanReport, includingFindings: Bool = true) -> JSONValue {
        let active = report.activeFindings
        return .object([
            ("schema", .string(Self.schema)),
            ("tool", .object([("name", .string("rampart")), ("version", .string(report.toolVersion))])),
            ("target", .compactObject([
                ("path", .string(report.target.path)),
                ("since", report.target.since.map(JSONValue.string)),
            ])),
            ("findings", .array(includingFindings ? report.findings.map(Self.finding) : [])),
            ("summary", .object([
                ("bySeverity", .object(Severity.allCases.reversed().map { severity in
                    (severity.rawValue, .int(active.count { $0.severity == severity }))
                })),
                ("byScanner", .object(report.scanners.map { run in
                    (run.id, .int(active.count { $0.scanner == run.id }))
                })),
                ("files", .int(report.files)),
                ("durationMs", .int(report.durationMs)),
                ("total", .int(active.count)),
                ("suppressed", .int(report.findings.count { $0.isSuppressed })),
                ("baselined", .int(report.baselined)),
                ("belowThreshold", .int(report.belowThreshold)),
                ("gating", .int(report.gatingFindings.count)),
                ("failOn", .string(report.failOn.description)),
                ("timedOut", .bool(report.timedOut)),
                ("partialAccepted", .bool(report.partialAccepted)),
                ("scanners", .array(report.scanners.map { run in
                    .compactObject([
                        ("id", .string(run.id)),
                        ("files", .int(run.filesScanned)),
                        ("work", run.work.map(JSONValue.string)),
                        ("durationMs", .int(run.durationMs)),
                        ("completed", .bool(run.completed)),
                    ])
                })),
            ])),
            ("errors", .array(report.diagnostics.map(Self.diagnostic))),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .compactObject([
            ("ruleId", .string(finding.ruleId.rawValue)),
            ("scanner", .string(finding.scanner)),
            ("severity", .string(finding.severity.rawValue)),
            ("confidence", .string(finding.confidence.rawValue)),
            ("title", .string(finding.title)),
            ("message", .string(finding.message)),
            ("location", location(finding.location)),
            ("cwe", .array(finding.cwe.map { .int($0) })),
            ("owasp", finding.owasp.map { .string($0.rawValue) }),
            ("tags", .array(finding.tags.map(JSONValue.string))),
            ("sources", finding.sources.isEmpty ? nil : .array(finding.sources.map { .object([("tool", .string($0.tool)), ("ruleId", .string($0.ruleId))]) })),
            ("component", finding.component.map { component in
                .compactObject([
                    ("name", .string(component.name)),
                    ("version", component.version.map(JSONValue.string)),
                    ("ecosystem", component.ecosystem.map(JSONValue.string)),
                    ("purl", component.purl.map(JSONValue.string)),
                    ("fixedVersions", component.fixedVersions.isEmpty ? nil : .array(component.fixedVersions.map(JSONValue.string))),
                    ("advisoryPublished", component.advisoryPublished.map(JSONValue.string)),
                ])
            }),
            ("secret", finding.secret.map { secret in
                .compactObject([
                    ("redacted", .string(secret.redacted)),
                    ("length", .int(secret.length)),
                    ("validated", .bool(secret.validated)),
                    ("value", secret.plaintext.map(JSONValue.string)),
                ])
            }),
            ("commit", finding.commit.map { commit in
                .object([
                    ("sha", .string(commit.sha)),
                    ("author", .string(commit.author)),
                    ("email", .string(commit.email)),
                    ("date", .string(commit.date)),
                    ("summary", .string(commit.summary)),
                ])
            }),
            ("instances", finding.instances.isEmpty ? nil : .array(finding.instances.map { instance in
                .compactObject([
                    ("url", .string(instance.url)),
                    ("method", .string(instance.method)),
                    ("parameter", instance.parameter.map(JSONValue.string)),
                    ("evidence", instance.evidence.map(JSONValue.string)),
                ])
            })),
            ("fingerprint", .string(finding.fingerprint)),
            ("helpUri", finding.helpUri.map(JSONValue.string)),
            ("fix", finding.fix.map { fix in .object([
                ("line", .int(fix.line)), ("column", .int(fix.column)), ("endLine", .int(fix.endLine)),
                ("endColumn", .int(fix.endColumn)), ("replacement", .string(fix.replacement)),
            ]) }),
            ("trace", finding.trace.isEmpty ? nil : .array(finding.trace.map { step in .object([
                ("kind", .string(step.kind.rawValue)), ("path", .string(step.path)), ("line", .int(step.line)),
                ("column", .int(step.column)), ("endLine", .int(step.endLine)), ("endColumn", .int(step.endColumn)),
            ]) })),
            ("suppressed", .bool(finding.isSuppressed)),
            ("suppression", finding.suppression.map { suppression in
                .compactObject([
                    ("kind", .string(suppression.kind.rawValue)),
                    ("reason", suppression.reason.map(JSONValue.string)),
                    ("expires", suppression.expires.map(JSONValue.string)),
                ])
            }),
        ])
    }

    static func location(_ location: Location) -> JSONValue {
        switch location {
        case .source(let s):
            .compactObject([
                ("kind", .string("file")),
                ("path", .string(s.path)),
                ("line", .int(s.line)),
                ("column", .int(s.column)),
                ("endLine", .int(s.endLine)),
                ("endColumn", .int(s.endColumn)),
                ("snippet", s.snippet.map(JSONValue.string)),
            ])
        case .web(let w):
            .compactObject([
                ("kind", .string("url")),
                ("url", .string(w.url)),
                ("method", .string(w.method)),
                ("parameter", w.parameter.map(JSONValue.string)),
                ("evidence", w.evidence.map(JSONValue.string)),
                ("site", w.site.map(JSONValue.string)),
            ])
        case .host(let h):
            .compactObject([
                ("kind", .string("host")),
                ("host", .string(h.host)),
                ("control", .string(h.control)),
                ("resource", h.resource.map(JSONValue.string)),
            ])
        }
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .compactObject([
            ("level", .string(diagnostic.level.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
            ("scanner", diagnostic.scanner.map(JSONValue.string)),
            ("path", diagnostic.path.map(JSONValue.string)),
            ("line", diagnostic.line.map { .int($0) }),
        ])
    }
}
