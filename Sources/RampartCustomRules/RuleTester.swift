import Foundation
import PythonSyntax

/// `rampart rules test`: rule files checked against the code beside them, the way rule authors
/// already write Semgrep's tests: `# ruleid: id` on the line before (or at the end of) a line
/// the rule must report, `# ok: id` where it must not, `# todoruleid:`/`# todook:` for known
/// misses and false positives (expected as they are today), and `X.fixed.py` for the autofix.
public enum RuleTester {
    public struct Case: Sendable {
        public var rules: String
        public var target: String
        public var fixed: String?
    }

    public struct RuleOutcome: Sendable {
        public var rule: String
        public var expected: [Int]
        public var reported: [Int]
        public var missing: [Int] { expected.filter { !reported.contains($0) } }
        public var unexpected: [Int] { reported.filter { !expected.contains($0) } }
        public var passed: Bool { missing.isEmpty && unexpected.isEmpty }
    }

    public struct Result: Sendable {
        public var testCase: Case
        public var rules: [RuleOutcome] = []
        /// Rule or target problems (a rule that does not load, a target that does not parse).
        public var errors: [String] = []
        /// nil without a `.fixed` file; otherwise whether the fixed code is what the fixes give.
        public var fixPassed: Bool?
        public var fixDiff: String?
        public var passed: Bool { errors.isEmpty && rules.allSatisfy(\.passed) && fixPassed != false }
    }

    /// Each rule file under `path` (or `path` itself) with the target of the same base name.
    public static func cases(at path: String) -> (cases: [Case], problems: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return ([], ["\(path): no such file or folder"]) }
        let ruleFiles = isDirectory.boolValue ? RuleSet.ruleFiles(under: path) : [path]
        var cases: [Case] = []
        var problems: [String] = []
        for ruleFile in ruleFiles {
            let base = (ruleFile as NSString).deletingPathExtension
            let folder = (ruleFile as NSString).deletingLastPathComponent
            let stem = (base as NSString).lastPathComponent
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            let targets = siblings.filter { name in
                name.hasPrefix(stem + ".") && !name.hasSuffix(".yaml") && !name.hasSuffix(".yml") && !name.contains(".fixed.")
                    && (name as NSString).deletingPathExtension == stem
            }.sorted { a, b in a.hasSuffix(".py") && !b.hasSuffix(".py") || (a < b && a.hasSuffix(".py") == b.hasSuffix(".py")) }
            guard let target = targets.first else {
                if !isDirectory.boolValue { problems.append("\(ruleFile): no target file beside it (\(stem).py)") }
                continue
            }
            let targetPath = (folder as NSString).appendingPathComponent(target)
            let ext = (target as NSString).pathExtension
            let fixedPath = (folder as NSString).appendingPathComponent("\(stem).fixed.\(ext)")
            cases.append(Case(rules: ruleFile, target: targetPath, fixed: FileManager.default.fileExists(atPath: fixedPath) ? fixedPath : nil))
        }
        return (cases, problems)
    }

    /// Runs one case.
    public static func run(_ testCase: Case) -> Result {
        var result = Result(testCase: testCase)
        let set = RuleSet()
        set.add(path: testCase.rules)
        set.finish()
        result.errors += set.errors.map(\.description)
        guard let bytes = FileManager.default.contents(atPath: testCase.target).map({ [UInt8]($0) }) else {
            result.errors.append("\(testCase.target): cannot read the target")
            return result
        }
        let all = Array(set.rules.indices)
        let outcome: Result
        let initial = result
        do throws(PythonSyntaxError) {
            outcome = try PythonParsing.withModule(bytes) { parsed in
                var inner = initial
                let file = TargetFile(path: testCase.target, source: parsed.source, module: parsed.module)
                // Like Semgrep's tests, `paths:` filters are not applied.
                let scan = set.scan(file, rules: all)
                for incomplete in scan.incomplete { inner.errors.append("rule \(set.rules[incomplete.rule].id): \(incomplete.reason)") }
                let annotations = Annotations(parsed.comments, file: file)
                for (index, rule) in set.rules.enumerated() {
                    let reported = Set(scan.matches.filter { $0.rule == index }.map(\.range.start.line))
                    let expected = annotations.expected(rule.id)
                    inner.rules.append(RuleOutcome(rule: rule.id, expected: expected.sorted(), reported: reported.sorted()))
                }
                if let fixedPath = testCase.fixed {
                    let edits = scan.matches.compactMap(\.fix)
                    let (fixed, _, _) = FixApplier.apply(edits, to: parsed.source)
                    let wanted = FileManager.default.contents(atPath: fixedPath).map { [UInt8]($0) } ?? []
                    inner.fixPassed = fixed == wanted
                    if fixed != wanted {
                        inner.fixDiff = UnifiedDiff.render(old: String(decoding: wanted, as: UTF8.self), new: String(decoding: fixed, as: UTF8.self),
                                                           oldName: fixedPath, newName: "fixes applied to \(testCase.target)")
                    }
                }
                return inner
            }
        } catch {
            result.errors.append("\(testCase.target):\(error.position.line): does not parse: \(error.message)")
            return result
        }
        return outcome
    }

    /// The annotations of a target's comments.
    struct Annotations {
        /// Rule id → lines it must be reported on (`ruleid` and `todook`).
        var reported: [String: Set<Int>] = [:]

        init(_ comments: [Comment], file: TargetFile) {
            for comment in comments {
                var text = comment.text.dropFirst().drop { $0 == " " || $0 == "\t" }
                guard let colon = text.firstIndex(of: ":") else { continue }
                let kind = text[..<colon].trimmingCharacters(in: .whitespaces)
                guard ["ruleid", "ok", "todoruleid", "todook"].contains(kind) else { continue }
                text = text[text.index(after: colon)...]
                let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                // A comment alone on its line annotates the next line; after code, its own line.
                let lineStart = file.offset(SourcePosition(line: comment.position.line, column: 0))
                let alone = file.source[lineStart..<file.offset(comment.position)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                let line = alone ? comment.position.line + 1 : comment.position.line
                guard kind == "ruleid" || kind == "todook" else { continue }
                for id in ids { reported[id, default: []].insert(line) }
            }
        }

        func expected(_ rule: String) -> Set<Int> { reported[rule] ?? [] }
    }

    /// The results as a table, failures explained.
    public static func render(_ results: [Result], problems: [String]) -> String {
        var out = ""
        for r in results {
            let status = r.passed ? "PASS" : "FAIL"
            let ruleCount = r.rules.count
            let fix = r.fixPassed.map { $0 ? ", fix ok" : ", fix differs" } ?? ""
            out += "\(status)  \(r.testCase.rules) (\(ruleCount) rule\(ruleCount == 1 ? "" : "s")\(fix))\n"
            for e in r.errors { out += "        error: \(e)\n" }
            for rule in r.rules where !rule.passed {
                var parts: [String] = []
                if !rule.missing.isEmpty { parts.append("not reported on line(s) \(rule.missing.map(String.init).joined(separator: ", "))") }
                if !rule.unexpected.isEmpty { parts.append("reported on unannotated line(s) \(rule.unexpected.map(String.init).joined(separator: ", "))") }
                out += "        \(rule.rule): \(parts.joined(separator: "; "))\n"
            }
            if let diff = r.fixDiff { out += diff.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n") + "\n" }
        }
        for p in problems { out += "error: \(p)\n" }
        let failed = results.filter { !$0.passed }.count
        let rules = results.reduce(0) { $0 + $1.rules.count }
        out += "\(results.count - failed)/\(results.count) rule files passed (\(rules) rules)" + (failed > 0 ? ", \(failed) failed" : "") + "\n"
        return out
    }
}

