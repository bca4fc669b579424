import Foundation
import RampartCore

/// Rampart's own JSON report read back (from another job, an earlier run): every field the JSON
/// reporter writes, fingerprints and suppressions included; secrets stay as redacted as written.
public struct RampartReportReader: Sendable {
    public struct Contents: Sendable {
        public var findings: [Finding]
        /// Scanners that finished their whole scan.
        public var completedScanners: Set<String>
        /// An incremental scan's base (`--since`): its absent findings prove nothing.
        public var since: String?
        public var failOn: GateThreshold?
    }

    public init() {}

    public func read(_ data: Data, file: String) throws(AdapterError) -> Contents {
        let json = JSONDocument(tool: "rampart", file: file)
        let root = try json.object(try json.parse(data), "the top")
        guard let schema = json.optionalString(root["schema"]), schema.contains("rampart") else {
            throw json.fail("schema", "not a Rampart JSON report (rampart scan --format json)")
        }
        let summary = (root["summary"] as? [String: Any]) ?? [:]
        var completed: Set<String> = []
        for run in (summary["scanners"] as? [[String: Any]]) ?? [] where run["completed"] as? Bool == true {
            if let id = json.optionalString(run["id"]) { completed.insert(id) }
        }
        let findings = try json.array(root["findings"], "findings").enumerated().map { index, item throws(AdapterError) in
            try finding(item, path: "findings[\(index)]", json: json)
        }
        return Contents(findings: findings, completedScanners: completed,
                        since: (root["target"] as? [String: Any]).flatMap { json.optionalString($0["since"]) },
                        failOn: json.optionalString(summary["failOn"]).flatMap(GateThreshold.init(parsing:)))
    }

    func finding(_ item: Any, path: String, json: JSONDocument) throws(AdapterError) -> Finding {
        let object = try json.object(item, path)
        let rule = try json.string(object["ruleId"], "\(path).ruleId")
        guard let severity = Severity(parsing: try json.string(object["severity"], "\(path).severity")) else { throw json.fail("\(path).severity", "not a severity") }
        let confidence = json.optionalString(object["confidence"]).flatMap(Confidence.init(parsing:)) ?? .medium
        let location = try self.location(object["location"], path: "\(path).location", json: json)
        let title = json.optionalString(object["title"]) ?? rule
        var finding = Finding(ruleId: RuleID(rule), scanner: json.optionalString(object["scanner"]), title: title,
                              message: json.optionalString(object["message"]) ?? title, severity: severity, confidence: confidence, location: location,
                              cwe: (object["cwe"] as? [Any] ?? []).compactMap(json.optionalInt),
                              owasp: json.optionalString(object["owasp"]).flatMap(OWASPCategory.init(rawValue:)),
                              tags: object["tags"] as? [String] ?? [], helpUri: json.optionalString(object["helpUri"]),
                              fingerprint: json.optionalString(object["fingerprint"]) ?? "")
        finding.sources = (object["sources"] as? [[String: Any]] ?? []).compactMap { source in
            guard let tool = json.optionalString(source["tool"]), let id = json.optionalString(source["ruleId"]) else { return nil }
            return FindingSource(tool: tool, ruleId: id)
        }
        if let component = object["component"] as? [String: Any], let name = json.optionalString(component["name"]) {
            finding.component = Component(name: name, version: json.optionalString(component["version"]), ecosystem: json.optionalString(component["ecosystem"]),
                                          fixedVersions: component["fixedVersions"] as? [String] ?? [],
                                          advisoryPublished: json.optionalString(component["advisoryPublished"]))
        }
        if let secret = object["secret"] as? [String: Any], let redacted = json.optionalString(secret["redacted"]) {
            // The report's plain value (--show-secrets) is not carried on: tasks and imports stay redacted.
            finding.secret = SecretInfo(redacted: redacted, length: json.optionalInt(secret["length"]) ?? 0, digest: finding.fingerprint,
                                        validated: secret["validated"] as? Bool ?? false)
        }
        if let commit = object["commit"] as? [String: Any], let sha = json.optionalString(commit["sha"]) {
            finding.commit = CommitInfo(sha: sha, author: json.optionalString(commit["author"]) ?? "", email: json.optionalString(commit["email"]) ?? "",
                                        date: json.optionalString(commit["date"]) ?? "", summary: json.optionalString(commit["summary"]) ?? "")
        }
        finding.instances = (object["instances"] as? [[String: Any]] ?? []).compactMap { instance in
            guard let url = json.optionalString(instance["url"]) else { return nil }
            return WebLocation(url: url, method: json.optionalString(instance["method"]) ?? "GET",
                               parameter: json.optionalString(instance["parameter"]), evidence: json.optionalString(instance["evidence"]))
        }
        if let suppression = object["suppression"] as? [String: Any] {
            finding.suppression = Suppression(kind: json.optionalString(suppression["kind"]).flatMap(Suppression.Kind.init(rawValue:)) ?? .config,
                                              reason: json.optionalString(suppression["reason"]), expires: json.optionalString(suppression["expires"]))
        } else if object["suppressed"] as? Bool == true {
            finding.suppression = Suppression(kind: .config)
        }
        return finding
    }

    func location(_ value: Any?, path: String, json: JSONDocument) throws(AdapterError) -> Location {
        let object = try json.object(value, path)
        switch json.optionalString(object["kind"]) {
        case "file":
            let line = json.optionalInt(object["line"]) ?? 1
            return .source(SourceLocation(path: try json.string(object["path"], "\(path).path"), line: line, column: json.optionalInt(object["column"]) ?? 1,
                                          endLine: json.optionalInt(object["endLine"]), endColumn: json.optionalInt(object["endColumn"]),
                                          snippet: json.optionalString(object["snippet"])))
        case "url":
            return .web(WebLocation(url: try json.string(object["url"], "\(path).url"), method: json.optionalString(object["method"]) ?? "GET",
                                    parameter: json.optionalString(object["parameter"]), evidence: json.optionalString(object["evidence"]),
                                    site: json.optionalString(object["site"])))
        case "host":
            return .host(HostLocation(host: try json.string(object["host"], "\(path).host"), control: try json.string(object["control"], "\(path).control"),
                                      resource: json.optionalString(object["resource"])))
        default:
            throw json.fail("\(path).kind", "a location is of kind file, url or host")
        }
    }
}

/// `rampart import --tool rampart`: another Rampart job's JSON report.
struct RampartAdapter: ToolAdapter {
    let tool = "rampart"
    let reads = "rampart --format json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        try RampartReportReader().read(data, file: file).findings
    }
}
