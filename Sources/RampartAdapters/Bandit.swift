import Foundation
import RampartCore

/// `bandit -f json`: `results[]` with `test_id`, `filename`, `line_number`, `col_offset`.
struct BanditAdapter: ToolAdapter {
    let tool = "bandit"
    let reads = "bandit -f json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        let results = try json.array(root["results"], "results")
        return try results.enumerated().map { index, item throws(AdapterError) -> Finding in
            let path = "results[\(index)]"
            let result = try json.object(item, path)
            let rule = try json.string(result["test_id"], "\(path).test_id")
            let text = json.optionalString(result["issue_text"]) ?? rule
            let cwe = (result["issue_cwe"] as? [String: Any]).flatMap { json.optionalInt($0["id"]) }.map { [$0] } ?? []
            return Imported.finding(tool: tool, rule: rule, title: json.optionalString(result["test_name"]) ?? rule, message: text,
                                    severity: Imported.severity(json.optionalString(result["issue_severity"])),
                                    confidence: Imported.confidence(json.optionalString(result["issue_confidence"])),
                                    path: try json.string(result["filename"], "\(path).filename"),
                                    line: try json.int(result["line_number"], "\(path).line_number"),
                                    column: (json.optionalInt(result["col_offset"]) ?? 0) + 1,
                                    endLine: (result["line_range"] as? [Any])?.compactMap(json.optionalInt).max(), cwe: cwe)
        }
    }
}
