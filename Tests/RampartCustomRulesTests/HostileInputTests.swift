import Foundation
import RampartCustomRules
import Testing

/// Patterns, regexes and targets built to make matching explode end in bounded time, and the
/// rule that could not finish is reported for the file rather than silently empty.
struct HostileInputTests {
    @Test func aPatternOfThousandsOfEllipsesEndsWithADiagnostic() throws {
        let pattern = "f(" + Array(repeating: "...", count: 3_000).joined(separator: ", ") + ", x)"
        let args = Array(repeating: "a", count: 60).joined(separator: ", ")
        // `x` is in the file, so the name prefilter lets the pattern run.
        let (set, result) = try scan(rules: rule("dots", "pattern: \"\(pattern)\""), "x = 1\nf(\(args))\n", steps: 200_000)
        #expect(set.errors.isEmpty)
        #expect(result.incomplete.first?.reason.contains("matching steps") == true)
    }

    @Test func nestedEllipsesOverALongStatementListAreBounded() throws {
        let body = Array(repeating: "    a()", count: 400).joined(separator: "\n")
        let pattern = Array(repeating: "a()\n...", count: 40).joined(separator: "\n") + "\nb()"
        let yaml = "rules:\n- id: seq\n  languages: [python]\n  severity: ERROR\n  message: m\n  pattern: |\n" +
            pattern.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        let (_, result) = try scan(rules: yaml, "def f():\n\(body)\nb = 1\n", steps: 100_000)
        #expect(result.matches.isEmpty)
        #expect(!result.incomplete.isEmpty)
    }

    @Test func aPatternWhoseNamesTheFileLacksIsNotTried() throws {
        let (_, result) = try scan(rules: rule("absent", "pattern: never_called_here(...)"), "x = 1\n", steps: 1)
        #expect(result.incomplete.isEmpty && result.matches.isEmpty, "not tried at all: no step spent")
    }

    @Test func catastrophicRegexesAreBoundedAndReported() throws {
        let yaml = """
        rules:
        - id: redos
          pattern-regex: "(a+)+$"
          message: m
          languages: [python]
          severity: ERROR
        - id: redos-mv
          patterns:
            - pattern: f($X)
            - metavariable-regex:
                metavariable: $X
                regex: "(\\"a+)+b"
          message: m
          languages: [python]
          severity: ERROR
        """
        let long = String(repeating: "a", count: 30_000)
        let started = Date()
        let (set, result) = try scan(rules: yaml, "x = '\(long)!'\nf(\"\(long)\")\n")
        #expect(set.errors.isEmpty)
        #expect(result.incomplete.contains { set.rules[$0.rule].id == "redos" && $0.reason.contains("backtracking limit") })
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func deeplyNestedTargetsAndDeepPatternsAreBounded() throws {
        let depth = 150
        let target = String(repeating: "f(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n"
        let yaml = rule("deep", "pattern: <... f(<... f(<... f(<... $X ...>) ...>) ...>) ...>")
        let (_, result) = try scan(rules: yaml, target, steps: 300_000)
        #expect(!result.incomplete.isEmpty || !result.matches.isEmpty)
    }

    @Test func aWrongMetavariableNameIsARuleError() throws {
        let (set, _) = try scan(rules: rule("lower", "pattern: foo($x)"), "foo(1)\n")
        #expect(set.rules.isEmpty)
        #expect(set.errors.first?.message.contains("not a metavariable") == true)
    }
}
