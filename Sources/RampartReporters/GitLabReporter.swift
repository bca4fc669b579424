import Foundation
import RampartCore

/// The kinds of GitLab security report, each read from its own CI artifact.
public enum GitLabReportType: String, Sendable, CaseIterable {
    case sast
    case secretDetection = "secret_detection"
    case dependencyScanning = "dependency_scanning"
    case dast

    /// The report type a scanner's findings belong to; nil for scanners GitLab has no report for.
    public static func forScanner(_ scanner: String) -> GitLabReportType? {
        switch scanner {
        case "secrets": .secretDetection
        case "deps": .dependencyScanning
        case "web": .dast
        case "host": nil
        default: .sast
        }
    }
}

/// A GitLab security report (schema 15.2.1) for one report type. With no type given, the type of
/// the scanners that ran is used, or `sast` when they are of several types.
public struct GitLabReporter: Reporter {
    public static let schemaVersion = "15.2.1"
    public var type: GitLabReportType?

    public init(type: GitLabReportType? = nil) {
        self.type = type
    }

    public var format: ReportFormat {
        switch type {
        case nil: .gitlab
        case .sast: .gitlabSAST
        case .secretDetection: .gitlabSecretDetection
        case .dependencyScanning: .gitlabDependencyScanning
        case .dast: .gitlabDAST
        }
    }

    public func render(_ report: ScanReport, context: ReportContext) -> String {
        document(report, context: context).serialized(pretty: true) + "\n"
    }

    /// The type used for a report: the given one, or the one all its scanners share.
    public func resolvedType(_ report: ScanReport) -> GitLabReportType {
        if let type { return type }
        let types = Set(report.scanners.compactMap { GitLabReportType.forScanner($0.id) })
        return types.count == 1 ? types.first ?? .sast : .sast
    }

    public func document(_ report: ScanReport, context: ReportContext) -> JSONValue {
        let type = resolvedType(report)
        let findings = report.activeFindings.filter { GitLabReportType.forScanner($0.scanner) == type }
        let end = report.startTime.addingTimeInterval(Double(report.durationMs) / 1000)
        let vendor: JSONValue = .object([("name", .string("Rampart"))])
        var members: [(String, JSONValue)] = [
            ("version", .string(Self.schemaVersion)),
            ("scan", .object([
                ("analyzer", .object([("id", .string("rampart")), ("name", .string("Rampart")), ("version", .string(report.toolVersion)), ("vendor", vendor)])),
                ("scanner", .object([("id", .string("rampart-\(type.rawValue.replacingOccurrences(of: "_", with: "-"))")), ("name", .string("Rampart \(Self.title(type))")), ("version", .string(report.toolVersion)), ("vendor", vendor)])),
                ("type", .string(type.rawValue)),
                ("start_time", .string(Self.timestamp(report.startTime))),
                ("end_time", .string(Self.timestamp(end))),
                ("status", .string(report.hasFailures ? "failure" : "success")),
            ] + (type == .dast ? [("scanned_resources", .array(scannedResources(findings)))] : []))),
            ("vulnerabilities", .array(findings.map { vulnerability($0, type: type) })),
        ]
        if type == .dependencyScanning {
            let files = Set(findings.compactMap { $0.location.path }).sorted()
            members.append(("dependency_files", .array(files.map { file in
                .object([
                    ("path", .string(file)),
                    ("package_manager", .string("pip")),
                    ("dependencies", .array(findings.filter { $0.location.path == file }.compactMap(\.component).map { c in
                        .object([("package", .object([("name", .string(c.name))])), ("version", .string(c.version ?? ""))])
                    })),
                ])
            })))
        }
        return .object(members)
    }

    private func vulnerability(_ finding: Finding, type: GitLabReportType) -> JSONValue {
        var identifiers: [JSONValue] = [.compactObject([
            ("type", .string("rampart_rule")),
            ("name", .string(finding.ruleId.rawValue)),
            ("value", .string(finding.ruleId.rawValue)),
            ("url", finding.helpUri.map(JSONValue.string)),
        ])]
        for cwe in finding.cwe.prefix(10) {
            identifiers.append(.object([
                ("type", .string("cwe")),
                ("name", .string("CWE-\(cwe)")),
                ("value", .string(String(cwe))),
                ("url", .string("https://cwe.mitre.org/data/definitions/\(cwe).html")),
            ]))
        }
        var description = finding.message
        if case .web(let web) = finding.location, let evidence = web.evidence { description += "\n\nEvidence: \(evidence)" }
        return .compactObject([
            ("id", .string(Fingerprint.uuid(for: "gitlab\u{0}\(type.rawValue)\u{0}\(finding.fingerprint)"))),
            ("name", .string(finding.title)),
            ("description", .string(description)),
            ("severity", .string(Self.severity(finding.severity))),
            ("solution", finding.component.flatMap { c in c.fixedVersions.isEmpty ? nil : .string("Upgrade \(c.name) to \(c.fixedVersions.joined(separator: " or ")).") }),
            ("identifiers", .array(identifiers)),
            ("links", finding.helpUri.map { .array([.object([("url", .string($0))])]) }),
            ("location", location(finding, type: type)),
        ])
    }

    private func location(_ finding: Finding, type: GitLabReportType) -> JSONValue {
        switch (type, finding.location) {
        case (.dast, .web(let web)):
            let parts = Self.split(url: web.url)
            return .compactObject([
                ("hostname", .string(parts.origin)),
                ("method", .string(web.method)),
                ("path", .string(parts.path)),
                ("param", web.parameter.map(JSONValue.string)),
            ])
        case (.dependencyScanning, _):
            let component = finding.component
            return .object([
                ("file", .string(finding.location.path ?? "")),
                ("dependency", .object([
                    ("package", .object([("name", .string(component?.name ?? finding.title))])),
                    ("version", .string(component?.version ?? "")),
                ])),
            ])
        case (.secretDetection, .source(let s)):
            return .object([
                ("file", .string(s.path)),
                ("start_line", .int(s.line)),
                ("end_line", .int(s.endLine)),
                ("commit", .object([("sha", .string("0000000"))])),
            ])
        case (_, .source(let s)):
            return .object([("file", .string(s.path)), ("start_line", .int(s.line)), ("end_line", .int(s.endLine))])
        default:
            return .object([("file", .string(finding.location.display))])
        }
    }

    private func scannedResources(_ findings: [Finding]) -> [JSONValue] {
        var seen = Set<String>()
        var out: [JSONValue] = []
        for finding in findings {
            guard case .web(let web) = finding.location, seen.insert("\(web.method) \(web.url)").inserted else { continue }
            out.append(.object([("method", .string(web.method)), ("url", .string(web.url)), ("type", .string("url"))]))
        }
        return out
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .info: "Info"
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        case .critical: "Critical"
        }
    }

    static func title(_ type: GitLabReportType) -> String {
        switch type {
        case .sast: "SAST"
        case .secretDetection: "Secret Detection"
        case .dependencyScanning: "Dependency Scanning"
        case .dast: "DAST"
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC with no zone, as GitLab's schema wants.
    static func timestamp(_ date: Date) -> String { UTCDate.format(date, "yyyy-MM-dd'T'HH:mm:ss") }

    /// `http://h:8080/a/b?x=1` → (`http://h:8080`, `/a/b?x=1`).
    static func split(url: String) -> (origin: String, path: String) {
        let origin = TextReporter.origin(url)
        let path = String(url.dropFirst(origin.count))
        return (origin, path.isEmpty ? "/" : path)
    }
}
