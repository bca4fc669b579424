import Foundation
import RampartCore

/// `ruff check --output-format json`: a list of `{code, filename, location: {row, column}, message}`.
/// Ruff writes absolute file names: the import makes them relative to the scan root.
struct RuffAdapter: ToolAdapter {
    let tool = "ruff"
    let reads = "ruff check --output-format json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        var findings: [Finding] = []
        for (index, item) in try json.array(try json.parse(data), "the top").enumerated() {
            let path = "[\(index)]"
            let result = try json.object(item, path)
            // Syntax errors have no code: they are not findings.
            guard let rule = json.optionalString(result["code"]) else { continue }
            let location = try json.object(result["location"], "\(path).location")
            let message = json.optionalString(result["message"]) ?? rule
            // flake8-bandit's S rules are Bandit's checks: the same severity Rampart gives them.
            let severity: Severity = rule.hasPrefix("S") ? .medium : .low
            findings.append(Imported.finding(tool: tool, rule: rule, title: rule, message: message, severity: severity, confidence: .medium,
                                             path: try json.string(result["filename"], "\(path).filename"), line: try json.int(location["row"], "\(path).location.row"),
                                             column: json.optionalInt(location["column"]) ?? 1,
                                             endLine: (result["end_location"] as? [String: Any]).flatMap { json.optionalInt($0["row"]) }))
        }
        return findings
    }
}
