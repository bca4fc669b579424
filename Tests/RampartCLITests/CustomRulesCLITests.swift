import Foundation
import RampartTestSupport
import Testing

/// Custom rules as users run them: `rampart sast --rules`, `rules:` in `.rampart.yml`,
/// `# nosemgrep`, `--fix`/`--dry-run`, `rampart rules test`, and the exit codes when rules
/// are broken (2 when nothing is usable, 3 when some rule could not run).
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct CustomRulesCLITests {
    static let evalRule = """
    rules:
    - id: no-eval
      pattern: eval($X)
      message: eval of $X
      languages: [python]
      severity: ERROR
      fix: ast.literal_eval($X)
    """

    @Test func rulesFromTheCommandLineGiveFindingsWithTheRulesID() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write("rules/eval.yaml", Self.evalRule)
        _ = try dir.write("app.py", "import ast\nx = eval(data)\ny = eval(other)  # nosemgrep\n# nosemgrep: no-eval\nz = eval(third)\nw = eval(fourth)  # nosemgrep: other-rule\n")
        let run = try dir.run(try #require(rampartBinary), ["sast", ".", "--rules", "rules", "--format", "json"])
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let findings = (report["findings"] as? [[String: Any]] ?? []).filter { ($0["ruleId"] as? String)?.hasPrefix("rules/") == true }
        let open = findings.filter { $0["suppression"] == nil }
        #expect(open.map { ($0["location"] as? [String: Any])?["line"] as? Int } == [2, 6])
        #expect(open.first?["message"] as? String == "eval of data")
        #expect(findings.count == 4, "suppressed findings are reported as suppressed")
    }

    @Test func nothingUsableIsAUsageErrorAndABrokenRuleFailsTheScan() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write("bad.yaml", "rules:\n- id: broken\n  pattern: \"f((\"\n  message: m\n  languages: [python]\n  severity: ERROR\n")
        _ = try dir.write("app.py", "eval(x)\n")
        let binary = try #require(rampartBinary)
        let none = try dir.run(binary, ["sast", ".", "--rules", "bad.yaml"])
        #expect(none.status == 2)
        #expect(none.errors.contains("bad.yaml:3") && none.errors.contains("broken"))

        _ = try dir.write("mixed.yaml", Self.evalRule + "\n- id: broken\n  pattern: \"f((\"\n  message: m\n  languages: [python]\n  severity: ERROR\n")
        let mixed = try dir.run(binary, ["sast", ".", "--rules", "mixed.yaml", "--fail-on", "none"])
        #expect(mixed.status == 3, "a rule that could not run leaves the scan incomplete")
        #expect(mixed.output.contains("no-eval") && (mixed.output + mixed.errors).contains("broken"))
        #expect(!mixed.output.contains("Gate passed"))
    }

    @Test func rulesInTheConfigurationRunToo() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write("policy/eval.yaml", Self.evalRule)
        _ = try dir.write(".rampart.yml", """
        rules:
          - policy/
          - id: no-pickle
            pattern: pickle.loads(...)
            message: pickle
            languages: [python]
            severity: WARNING
        """)
        _ = try dir.write("app.py", "import pickle\neval(a)\npickle.loads(b)\n")
        let run = try dir.run(try #require(rampartBinary), ["sast", ".", "--format", "json", "--fail-on", "none"])
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let ids = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }.filter { $0.hasPrefix("rules/") })
        #expect(ids == ["rules/no-eval", "rules/no-pickle"])
    }

    @Test func aRulePathOutsideTheRepositoryIsRefusedFromItsConfiguration() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write(".rampart.yml", "rules:\n  - /etc/\n")
        _ = try dir.write("app.py", "x = 1\n")
        let run = try dir.run(try #require(rampartBinary), ["sast", "."])
        #expect(run.status == 2)
    }

    @Test func aLinkInTheRepositorysRuleFolderIsNotFollowed() throws {
        let outside = TemporaryDirectory()
        _ = try outside.write("secret.yaml", Self.evalRule)
        let dir = TemporaryDirectory()
        _ = try dir.write("policy/own.yaml", Self.evalRule.replacingOccurrences(of: "no-eval", with: "own-eval"))
        try dir.symlink("policy/linked.yaml", to: outside.absolute("secret.yaml"))
        _ = try dir.write(".rampart.yml", "rules:\n  - policy/\n")
        _ = try dir.write("app.py", "eval(a)\n")
        let run = try dir.run(try #require(rampartBinary), ["sast", ".", "--format", "json", "--fail-on", "none"])
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let ids = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }.filter { $0.hasPrefix("rules/") })
        #expect(ids == ["rules/own-eval"])
    }

    @Test func fixWritesAndDryRunOnlyShows() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write("eval.yaml", Self.evalRule)
        let original = "import ast\nvalue = eval(text)\n"
        _ = try dir.write("app.py", original)
        let binary = try #require(rampartBinary)
        let dry = try dir.run(binary, ["sast", "app.py", "--rules", "eval.yaml", "--fix", "--dry-run", "--format", "json", "--output", "r.json"])
        #expect(dry.status == 1)
        #expect(dry.output.contains("-value = eval(text)") && dry.output.contains("+value = ast.literal_eval(text)"))
        #expect(dir.read("app.py") == original)
        let fix = try dir.run(binary, ["sast", "app.py", "--rules", "eval.yaml", "--fix", "--format", "json", "--output", "r.json"])
        #expect(fix.status == 1, "the findings of this run stand: the gate judges the code as scanned")
        #expect(dir.read("app.py") == "import ast\nvalue = ast.literal_eval(text)\n")
        let again = try dir.run(binary, ["sast", "app.py", "--rules", "eval.yaml", "--format", "json", "--output", "r.json"])
        #expect(again.status == 0)
    }

    @Test func rulesTestPassesAndFailsLikeSemgrepTest() throws {
        let dir = TemporaryDirectory()
        _ = try dir.write("eval.yaml", Self.evalRule)
        _ = try dir.write("eval.py", "# ruleid: no-eval\neval(x)\n# ok: no-eval\nevaluate(x)\neval(y)  # ruleid: no-eval\n")
        _ = try dir.write("eval.fixed.py", "# ruleid: no-eval\nast.literal_eval(x)\n# ok: no-eval\nevaluate(x)\nast.literal_eval(y)  # ruleid: no-eval\n")
        let binary = try #require(rampartBinary)
        let pass = try dir.run(binary, ["rules", "test", "."])
        #expect(pass.status == 0, "\(pass.output)")
        #expect(pass.output.contains("PASS") && pass.output.contains("fix ok"))

        _ = try dir.write("eval.py", "# ok: no-eval\neval(x)\n# ruleid: no-eval\nevaluate(x)\n")
        try FileManager.default.removeItem(atPath: dir.absolute("eval.fixed.py"))
        let fail = try dir.run(binary, ["rules", "test", "eval.yaml"])
        #expect(fail.status == 1)
        #expect(fail.output.contains("FAIL") && fail.output.contains("not reported on line(s) 4") && fail.output.contains("unannotated line(s) 2"))

        let nothing = try dir.run(binary, ["rules", "test", dir.absolute("missing")])
        #expect(nothing.status == 2)
    }
}
