import Foundation
import PythonSyntax
import RampartCustomRules
import RampartTestSupport
import Testing

/// The differential corpus (27 rule files, 191 rules, targets full of near misses): Rampart's
/// own rule tests, and the same findings as Semgrep itself when it is installed.
struct CorpusTests {
    static let corpus = PythonOracle.packageRoot + "/Tests/RampartCustomRulesTests/Fixtures/corpus"

    static var semgrep: String? {
        let candidates = [ProcessInfo.processInfo.environment["RAMPART_SEMGREP"], PythonOracle.packageRoot + "/.venv/bin/semgrep"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func everyRuleFileOfTheCorpusPassesItsAnnotations() {
        let (cases, problems) = RuleTester.cases(at: Self.corpus)
        #expect(problems.isEmpty)
        #expect(cases.count >= 27)
        let results = cases.map(RuleTester.run)
        let rules = results.reduce(0) { $0 + $1.rules.count }
        #expect(rules >= 150, "the corpus covers at least 150 rules")
        for result in results where !result.passed {
            Issue.record("\(RuleTester.render([result], problems: []))")
        }
        #expect(results.contains { $0.fixPassed == true }, "the autofix case ran")
    }

    /// What Rampart finds with every corpus rule on every corpus file, as Semgrep reports it:
    /// rule id, file, start and end line.
    static func rampartFindings() throws -> Set<String> {
        let set = RuleSet()
        set.add(path: corpus)
        set.finish()
        #expect(set.errors.isEmpty, "\(set.errors)")
        var out = Set<String>()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".py") }
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + name)))
            let found = try PythonParsing.withModule(bytes) { parsed in
                set.scan(TargetFile(path: name, source: parsed.source, module: parsed.module))
            }
            #expect(found.incomplete.isEmpty)
            for m in found.matches { out.insert("\(set.rules[m.rule].id) \(name):\(m.range.start.line)-\(m.range.end.line)") }
        }
        return out
    }

    @Test(.enabled(if: semgrep != nil, "semgrep is not installed (.ci/run installs it into .venv)"))
    func sameFindingsAsSemgrep() throws {
        let semgrep = try #require(Self.semgrep)
        let run = try ProcessRunner.run(semgrep, ["--metrics=off", "--disable-version-check", "--quiet", "--json", "--no-git-ignore",
                                                       "--config", Self.corpus, Self.corpus], in: Self.corpus)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "semgrep answered: \(run.errors.suffix(500))")
        #expect((json["errors"] as? [Any])?.isEmpty ?? true)
        var theirs = Set<String>()
        for result in json["results"] as? [[String: Any]] ?? [] {
            let id = (result["check_id"] as? String ?? "").split(separator: ".").last.map(String.init) ?? ""
            let path = ((result["path"] as? String) ?? "") as NSString
            let start = (result["start"] as? [String: Any])?["line"] as? Int ?? 0
            let end = (result["end"] as? [String: Any])?["line"] as? Int ?? 0
            theirs.insert("\(id) \(path.lastPathComponent):\(start)-\(end)")
        }
        let ours = try Self.rampartFindings()
        #expect(theirs.count >= 400)
        let onlyTheirs = theirs.subtracting(ours).sorted()
        let onlyOurs = ours.subtracting(theirs).sorted()
        #expect(onlyTheirs.isEmpty, "found by Semgrep only: \(onlyTheirs)")
        #expect(onlyOurs.isEmpty, "found by Rampart only: \(onlyOurs)")
    }
}
