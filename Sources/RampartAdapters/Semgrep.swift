import Foundation
import RampartCore

/// `semgrep --json`: `results[]` with `check_id`, `path`, `start`, `extra.severity`.
struct SemgrepAdapter: ToolAdapter {
    let tool = "semgrep"
    let reads = "semgrep --json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        return try json.array(root["results"], "results").enumerated().map { index, item throws(AdapterError) -> Finding in
            let path = "results[\(index)]"
            let result = try json.object(item, path)
            let rule = try json.string(result["check_id"], "\(path).check_id")
            let start = try json.object(result["start"], "\(path).start")
            let extra = (result["extra"] as? [String: Any]) ?? [:]
            let metadata = (extra["metadata"] as? [String: Any]) ?? [:]
            // `"CWE-78: Improper Neutralization…"`, alone or in a list.
            let cweTexts = (metadata["cwe"] as? [String]) ?? (metadata["cwe"] as? String).map { [$0] } ?? []
            let cwe = Imported.cweNumbers(cweTexts)
            let message = json.optionalString(extra["message"]) ?? rule
            return Imported.finding(tool: tool, rule: rule, title: rule.split(separator: ".").last.map(String.init) ?? rule, message: message,
                                    severity: Imported.severity(json.optionalString(metadata["impact"]) ?? json.optionalString(extra["severity"])),
                                    confidence: Imported.confidence(json.optionalString(metadata["confidence"])),
                                    path: try json.string(result["path"], "\(path).path"), line: try json.int(start["line"], "\(path).start.line"),
                                    column: json.optionalInt(start["col"]) ?? 1, endLine: (result["end"] as? [String: Any]).flatMap { json.optionalInt($0["line"]) }, cwe: cwe)
        }
    }
}
