import Foundation
import PythonSyntax
import RampartCustomRules

/// Rules from YAML text run on Python source, in process.
func scan(rules yaml: String, _ source: String, path: String = "target.py", steps: Int = RuleSet.defaultStepsPerPattern) throws -> (set: RuleSet, result: FileScanResult) {
    let set = RuleSet()
    set.add(yaml: yaml, file: "rules.yaml")
    set.finish()
    let result = try PythonParsing.withModule(Array(source.utf8)) { parsed in
        set.scan(TargetFile(path: path, source: parsed.source, module: parsed.module), stepsPerPattern: steps)
    }
    return (set, result)
}

/// One rule around a pattern-like body (`pattern: …`, `patterns: …`).
func rule(_ id: String = "r", _ body: String, message: String = "m") -> String {
    "rules:\n- id: \(id)\n  languages: [python]\n  severity: ERROR\n  message: \(message)\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
}

/// The start lines of the matches of a scan.
func lines(_ result: FileScanResult) -> [Int] { result.matches.map(\.range.start.line) }
