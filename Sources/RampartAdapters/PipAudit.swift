import Foundation
import RampartCore

/// `pip-audit -f json`: `dependencies[]` with `name`, `version`, `vulns[]` (`id`, `fix_versions`,
/// `aliases`, `description`); older versions write the list alone.
struct PipAuditAdapter: ToolAdapter {
    let tool = "pip-audit"
    let reads = "pip-audit -f json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.parse(data)
        let dependencies = try json.array((root as? [String: Any])?["dependencies"] ?? root, "dependencies")
        var findings: [Finding] = []
        for (index, item) in dependencies.enumerated() {
            let path = "dependencies[\(index)]"
            let dependency = try json.object(item, path)
            let name = try json.string(dependency["name"], "\(path).name")
            let version = json.optionalString(dependency["version"])
            for (vulnIndex, vulnItem) in ((dependency["vulns"] as? [Any]) ?? []).enumerated() {
                let vulnPath = "\(path).vulns[\(vulnIndex)]"
                let vuln = try json.object(vulnItem, vulnPath)
                let id = try json.string(vuln["id"], "\(vulnPath).id")
                let fixes = (vuln["fix_versions"] as? [String]) ?? []
                let aliases = (vuln["aliases"] as? [String]) ?? []
                let summary = json.optionalString(vuln["description"]).map { String($0.prefix(300)) } ?? id
                var finding = Imported.finding(tool: tool, rule: id, title: "\(name) \(version ?? ""): \(id)",
                                               message: "\(name) \(version ?? "") is affected by \(([id] + aliases).joined(separator: ", "))\(fixes.isEmpty ? "" : "; fixed in \(fixes.joined(separator: ", "))"): \(summary)",
                                               severity: .high, confidence: .high, path: "requirements (pip-audit)", line: 1)
                finding.component = Component(name: name, version: version, ecosystem: "PyPI", fixedVersions: fixes)
                finding.tags += aliases
                findings.append(finding)
            }
        }
        return findings
    }
}
