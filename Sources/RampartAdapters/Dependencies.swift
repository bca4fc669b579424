import Foundation
import RampartCore

/// `osv-scanner --format json`: `results[].packages[]` with their `vulnerabilities` and each
/// group's `max_severity` (a CVSS score).
struct OSVScannerAdapter: ToolAdapter {
    let tool = "osv-scanner"
    let reads = "osv-scanner --format json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        var findings: [Finding] = []
        for (resultIndex, resultItem) in ((root["results"] as? [Any]) ?? []).enumerated() {
            let resultPath = "results[\(resultIndex)]"
            let result = try json.object(resultItem, resultPath)
            let source = ((result["source"] as? [String: Any]).flatMap { json.optionalString($0["path"]) }) ?? "(unknown lockfile)"
            for (packageIndex, packageItem) in ((result["packages"] as? [Any]) ?? []).enumerated() {
                let packagePath = "\(resultPath).packages[\(packageIndex)]"
                let entry = try json.object(packageItem, packagePath)
                let package = try json.object(entry["package"], "\(packagePath).package")
                let name = try json.string(package["name"], "\(packagePath).package.name")
                let version = json.optionalString(package["version"])
                // A group's score applies to every id of the group (an advisory and its aliases).
                var scores: [String: Double] = [:]
                for group in (entry["groups"] as? [[String: Any]]) ?? [] {
                    let score = (group["max_severity"] as? String).flatMap(Double.init) ?? (group["max_severity"] as? Double)
                    for id in (group["ids"] as? [String]) ?? [] { scores[id] = score }
                }
                for (vulnIndex, vulnItem) in ((entry["vulnerabilities"] as? [Any]) ?? []).enumerated() {
                    let vulnPath = "\(packagePath).vulnerabilities[\(vulnIndex)]"
                    let vuln = try json.object(vulnItem, vulnPath)
                    let id = try json.string(vuln["id"], "\(vulnPath).id")
                    let fixed = ((vuln["affected"] as? [[String: Any]]) ?? []).flatMap { affected in
                        ((affected["ranges"] as? [[String: Any]]) ?? []).flatMap { range in
                            ((range["events"] as? [[String: Any]]) ?? []).compactMap { json.optionalString($0["fixed"]) }
                        }
                    }
                    let severity: Severity = scores[id].map(Imported.severity(score:))
                        ?? Imported.severity(((vuln["database_specific"] as? [String: Any]).flatMap { json.optionalString($0["severity"]) }), default: .high)
                    let aliases = (vuln["aliases"] as? [String]) ?? []
                    var finding = Imported.finding(tool: tool, rule: id, title: "\(name) \(version ?? ""): \(id)",
                                                   message: "\(name) \(version ?? "") is affected by \(id): \(json.optionalString(vuln["summary"]) ?? "")\(fixed.isEmpty ? "" : "; fixed in \(fixed.joined(separator: ", "))")",
                                                   severity: severity, confidence: .high, path: source, line: 1)
                    finding.component = Component(name: name, version: version, ecosystem: json.optionalString(package["ecosystem"]), fixedVersions: fixed)
                    finding.tags += aliases
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}

/// `trivy fs|image --format json`: each result's `Vulnerabilities`, `Misconfigurations` and `Secrets`.
struct TrivyAdapter: ToolAdapter {
    let tool = "trivy"
    let reads = "trivy fs|image|config --format json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        var findings: [Finding] = []
        for (index, item) in ((root["Results"] as? [Any]) ?? []).enumerated() {
            let path = "Results[\(index)]"
            let result = try json.object(item, path)
            let target = json.optionalString(result["Target"]) ?? "(unknown target)"
            for (vulnIndex, vulnItem) in ((result["Vulnerabilities"] as? [Any]) ?? []).enumerated() {
                let vulnPath = "\(path).Vulnerabilities[\(vulnIndex)]"
                let vuln = try json.object(vulnItem, vulnPath)
                let id = try json.string(vuln["VulnerabilityID"], "\(vulnPath).VulnerabilityID")
                let name = try json.string(vuln["PkgName"], "\(vulnPath).PkgName")
                let version = json.optionalString(vuln["InstalledVersion"])
                let fixed = (json.optionalString(vuln["FixedVersion"]) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                var finding = Imported.finding(tool: tool, rule: id, title: json.optionalString(vuln["Title"]) ?? "\(name): \(id)",
                                               message: "\(name) \(version ?? "") is affected by \(id)\(fixed.isEmpty ? "" : "; fixed in \(fixed.joined(separator: ", "))")",
                                               severity: Imported.severity(json.optionalString(vuln["Severity"])), confidence: .high, path: target, line: 1,
                                               cwe: Imported.cweNumbers((vuln["CweIDs"] as? [String]) ?? []))
                finding.component = Component(name: name, version: version, ecosystem: json.optionalString(result["Type"]), fixedVersions: fixed)
                findings.append(finding)
            }
            for (misIndex, misItem) in ((result["Misconfigurations"] as? [Any]) ?? []).enumerated() {
                let misPath = "\(path).Misconfigurations[\(misIndex)]"
                let mis = try json.object(misItem, misPath)
                if json.optionalString(mis["Status"]) == "PASS" { continue }
                let id = try json.string(mis["ID"], "\(misPath).ID")
                let cause = (mis["CauseMetadata"] as? [String: Any]) ?? [:]
                findings.append(Imported.finding(tool: tool, rule: id, title: json.optionalString(mis["Title"]) ?? id,
                                                 message: json.optionalString(mis["Message"]) ?? id, severity: Imported.severity(json.optionalString(mis["Severity"])),
                                                 confidence: .high, path: target, line: json.optionalInt(cause["StartLine"]) ?? 1, endLine: json.optionalInt(cause["EndLine"])))
            }
            for (secretIndex, secretItem) in ((result["Secrets"] as? [Any]) ?? []).enumerated() {
                let secretPath = "\(path).Secrets[\(secretIndex)]"
                let secret = try json.object(secretItem, secretPath)
                let id = try json.string(secret["RuleID"], "\(secretPath).RuleID")
                // Trivy masks the secret in Match with asterisks already; nothing in clear is kept.
                var finding = Imported.finding(tool: tool, rule: id, title: json.optionalString(secret["Title"]) ?? id, message: "\(json.optionalString(secret["Title"]) ?? id) (found by Trivy)",
                                               severity: Imported.severity(json.optionalString(secret["Severity"]), default: .high), confidence: .medium,
                                               path: target, line: json.optionalInt(secret["StartLine"]) ?? 1, endLine: json.optionalInt(secret["EndLine"]))
                finding.secret = SecretInfo(redacted: "(masked by Trivy)", length: 0, digest: "")
                findings.append(finding)
            }
        }
        return findings
    }
}
