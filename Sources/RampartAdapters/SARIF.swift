import Foundation
import RampartCore

/// Any SARIF 2.1.0 log (CodeQL, Semgrep, Trivy, Checkov, Rampart…): each run's results, named
/// after the run's tool, with the rule ids as the tool wrote them. Severity from the rule's
/// `security-severity` (GitHub's CVSS-like score) when there is one, else from the level.
struct SARIFAdapter: ToolAdapter {
    let tool = "sarif"
    let reads = "any SARIF 2.1.0 log"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        if let version = json.optionalString(root["version"]), version != "2.1.0" {
            throw json.fail("version", "SARIF \(version); only 2.1.0 is read")
        }
        var findings: [Finding] = []
        for (runIndex, runItem) in try json.array(root["runs"], "runs").enumerated() {
            let runPath = "runs[\(runIndex)]"
            let run = try json.object(runItem, runPath)
            let driver = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any]) ?? [:]
            let toolName = (json.optionalString(driver["name"]) ?? "sarif").lowercased().replacingOccurrences(of: " ", with: "-")
            var rules: [String: [String: Any]] = [:]
            var ruleOrder: [[String: Any]] = []
            for rule in (driver["rules"] as? [[String: Any]]) ?? [] {
                ruleOrder.append(rule)
                if let id = json.optionalString(rule["id"]) { rules[id] = rule }
            }
            for (index, item) in ((run["results"] as? [Any]) ?? []).enumerated() {
                let path = "\(runPath).results[\(index)]"
                let result = try json.object(item, path)
                let ruleIndex = json.optionalInt(result["ruleIndex"])
                let ruleID = json.optionalString(result["ruleId"]) ?? ruleIndex.flatMap { ruleOrder.indices.contains($0) ? json.optionalString(ruleOrder[$0]["id"]) : nil }
                guard let ruleID else { throw json.fail(path, "a result without ruleId") }
                let rule = rules[ruleID] ?? [:]
                let message = ((result["message"] as? [String: Any]).flatMap { json.optionalString($0["text"]) }) ?? ruleID
                let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
                let uri = ((physical["artifactLocation"] as? [String: Any]).flatMap { json.optionalString($0["uri"]) }) ?? "(no location)"
                let region = (physical["region"] as? [String: Any]) ?? [:]
                let properties = (rule["properties"] as? [String: Any]) ?? [:]
                let level = json.optionalString(result["level"]) ?? ((rule["defaultConfiguration"] as? [String: Any]).flatMap { json.optionalString($0["level"]) })
                let score = (properties["security-severity"] as? String).flatMap(Double.init) ?? (properties["security-severity"] as? Double)
                let severity: Severity = score.map(Imported.severity(score:)) ?? Imported.severity(level)
                let cwe = Imported.cweNumbers(((properties["tags"] as? [String]) ?? []).filter { $0.lowercased().contains("cwe-") })
                let title = ((rule["shortDescription"] as? [String: Any]).flatMap { json.optionalString($0["text"]) }) ?? json.optionalString(rule["name"]) ?? ruleID
                findings.append(Imported.finding(tool: toolName, rule: ruleID, title: title, message: message, severity: severity, confidence: .medium,
                                                 path: uri.hasPrefix("file://") ? String(uri.dropFirst(7)) : uri, line: json.optionalInt(region["startLine"]) ?? 1,
                                                 column: json.optionalInt(region["startColumn"]) ?? 1, endLine: json.optionalInt(region["endLine"]),
                                                 snippet: (region["snippet"] as? [String: Any]).flatMap { json.optionalString($0["text"]) }, cwe: Array(Set(cwe)).sorted()))
            }
        }
        return findings
    }
}
