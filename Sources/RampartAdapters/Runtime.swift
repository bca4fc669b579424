import Foundation
import RampartCore

/// ZAP's JSON report (`zap-baseline.py -J`, the traditional JSON report): `site[].alerts[]` with
/// `pluginid`, `riskcode` 0–3, `confidence` 0–4, `instances`.
struct ZAPAdapter: ToolAdapter {
    let tool = "zap"
    let reads = "zap-baseline.py -J (ZAP's traditional JSON report)"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        var findings: [Finding] = []
        for (siteIndex, siteItem) in try json.array(root["site"], "site").enumerated() {
            let sitePath = "site[\(siteIndex)]"
            let site = try json.object(siteItem, sitePath)
            let siteName = json.optionalString(site["@name"]) ?? "(site)"
            for (index, item) in ((site["alerts"] as? [Any]) ?? []).enumerated() {
                let path = "\(sitePath).alerts[\(index)]"
                let alert = try json.object(item, path)
                let plugin = try json.string(alert["pluginid"], "\(path).pluginid")
                let risk = json.optionalInt(alert["riskcode"]) ?? 1
                let confidenceCode = json.optionalInt(alert["confidence"]) ?? 2
                // Confidence 0 is ZAP's "false positive": not a finding.
                if confidenceCode == 0 { continue }
                let instances = ((alert["instances"] as? [[String: Any]]) ?? []).map { instance in
                    WebLocation(url: json.optionalString(instance["uri"]) ?? siteName, method: json.optionalString(instance["method"]) ?? "GET",
                                parameter: json.optionalString(instance["param"]).flatMap { $0.isEmpty ? nil : $0 },
                                evidence: json.optionalString(instance["evidence"]).flatMap { $0.isEmpty ? nil : $0 })
                }
                let name = json.optionalString(alert["alert"]) ?? json.optionalString(alert["name"]) ?? plugin
                var finding = Finding(ruleId: RuleID(scanner: tool, code: plugin), scanner: tool, title: name,
                                      message: "\(name) (found by ZAP\(instances.count > 1 ? " on \(instances.count) pages" : ""))",
                                      severity: [Severity.info, .low, .medium, .high][min(max(risk, 0), 3)],
                                      confidence: confidenceCode >= 3 ? .high : confidenceCode == 2 ? .medium : .low,
                                      location: .web(instances.first ?? WebLocation(url: siteName)),
                                      cwe: json.optionalInt(alert["cweid"]).flatMap { $0 > 0 ? [$0] : nil } ?? [], tags: ["imported"])
                finding.instances = instances
                finding.sources = [FindingSource(tool: tool, ruleId: plugin)]
                findings.append(finding)
            }
        }
        return findings
    }
}

/// InSpec's JSON reporter (`inspec exec … --reporter json`, or `rampart host --format
/// inspec-json`): a finding per control with a failed result, severity from its impact.
struct InSpecAdapter: ToolAdapter {
    let tool = "inspec"
    let reads = "inspec exec --reporter json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        let platform = (root["platform"] as? [String: Any]) ?? [:]
        let host = json.optionalString(platform["target_id"]) ?? json.optionalString(platform["name"]) ?? "host"
        var findings: [Finding] = []
        for (profileIndex, profileItem) in try json.array(root["profiles"], "profiles").enumerated() {
            let profilePath = "profiles[\(profileIndex)]"
            let profile = try json.object(profileItem, profilePath)
            for (index, item) in ((profile["controls"] as? [Any]) ?? []).enumerated() {
                let path = "\(profilePath).controls[\(index)]"
                let control = try json.object(item, path)
                let id = try json.string(control["id"], "\(path).id")
                let failed = ((control["results"] as? [[String: Any]]) ?? []).filter { json.optionalString($0["status"]) == "failed" }
                guard !failed.isEmpty else { continue }
                let impact = (control["impact"] as? Double) ?? json.optionalInt(control["impact"]).map(Double.init) ?? 0.5
                let severity: Severity = impact >= 0.9 ? .critical : impact >= 0.7 ? .high : impact >= 0.4 ? .medium : impact > 0 ? .low : .info
                let first = failed[0]
                let detail = [json.optionalString(first["code_desc"]), json.optionalString(first["message"])].compactMap { $0 }.joined(separator: ": ")
                var finding = Finding(ruleId: RuleID(scanner: tool, code: id), scanner: tool, title: json.optionalString(control["title"]) ?? id,
                                      message: "\(detail)\(failed.count > 1 ? " (and \(failed.count - 1) more failed checks)" : "")",
                                      severity: severity, confidence: .high, location: .host(HostLocation(host: host, control: id)), tags: ["imported"])
                finding.sources = [FindingSource(tool: tool, ruleId: id)]
                findings.append(finding)
            }
        }
        return findings
    }
}
