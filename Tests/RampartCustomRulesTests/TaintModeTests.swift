import Foundation
import PythonSyntax
import RampartCustomRules
import RampartTestSupport
import Testing

/// Taint mode beyond the differential corpus: where Rampart knowingly differs from Semgrep,
/// rule errors, and bounds on hostile input.
struct TaintModeTests {
    static let taintRule = rule("t", """
    mode: taint
    pattern-sources:
      - pattern: source(...)
    pattern-sinks:
      - pattern: sink(...)
    pattern-sanitizers:
      - pattern: clean(...)
    """)

    @Test func theDeliberateDifferencesFromSemgrepHoldTheirAnnotations() {
        let folder = PythonOracle.packageRoot + "/Tests/RampartCustomRulesTests/Fixtures/taint-differences"
        let (cases, problems) = RuleTester.cases(at: folder)
        #expect(problems.isEmpty)
        #expect(!cases.isEmpty)
        for result in cases.map(RuleTester.run) where !result.passed {
            Issue.record("\(RuleTester.render([result], problems: []))")
        }
    }

    @Test func aFlowThroughAssignmentsAndACallIsFoundAndASanitizerStopsIt() throws {
        let (_, result) = try scan(rules: Self.taintRule, """
        def f(c):
            a = source()
            b = a
            if c:
                b = clean(b)
            sink(b.strip())
            d = clean(a)
            sink(d)
        """)
        #expect(lines(result) == [6])
        #expect(result.incomplete.isEmpty)
    }

    @Test func loopsReachTheirFixpoint() throws {
        // The taint enters at the last statement of the body and reaches the sink two turns later.
        let (_, result) = try scan(rules: Self.taintRule, """
        def f(items):
            a = b = c = "ok"
            for i in items:
                sink(c)
                c = b
                b = a
                a = source()
        """)
        #expect(lines(result) == [4])
    }

    @Test func aRuleWithoutSinksOrWithLabelsIsARuleError() {
        let set = RuleSet()
        set.add(yaml: rule("no-sinks", "mode: taint\npattern-sources:\n  - pattern: source()"), file: "a.yaml")
        set.add(yaml: rule("labels", "mode: taint\npattern-sources:\n  - label: USER\n    pattern: source()\npattern-sinks:\n  - pattern: sink(...)"), file: "b.yaml")
        set.add(yaml: rule("misplaced", "pattern: x\npattern-sinks:\n  - pattern: sink(...)"), file: "c.yaml")
        #expect(set.rules.isEmpty)
        #expect(set.errors.map(\.ruleID) == ["no-sinks", "labels", "misplaced"])
        #expect(set.errors[1].message.contains("not supported"))
    }

    @Test func aHugeFunctionEndsInBoundedTimeAndSaysWhatWasNotChecked() throws {
        // 10,000 statements in one function's loop, each depending on the one before.
        var forward = "def f(items):\n    x0 = source()\n    for i in items:\n"
        for k in 1...10_000 { forward += "        x\(k) = x\(k - 1) + 'a'\n" }
        forward += "    sink(x10000)\n"
        let (_, complete) = try scan(rules: Self.taintRule, forward)
        #expect(complete.incomplete.isEmpty)
        #expect(lines(complete) == [10_004])

        // The same chain backwards: taint moves one statement per turn of the loop, so the
        // fixpoint needs 10,000 turns. The budget ends it, and the file is reported as not
        // fully checked (never silently clean).
        var backward = "def f(items):\n    x0 = source()\n    for i in items:\n"
        for k in (1...10_000).reversed() { backward += "        x\(k) = x\(k - 1) + 'a'\n" }
        backward += "    sink(x10000)\n"
        let start = Date()
        let (_, cut) = try scan(rules: Self.taintRule, backward)
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(cut.incomplete.contains { $0.reason.contains("taint analysis stopped") })
    }

    @Test func deeplyNestedCodeIsBounded() throws {
        var source = "def f():\n    x = source()\n"
        var indent = "    "
        for _ in 0..<90 {
            source += indent + "if x:\n"
            indent += " "
        }
        source += indent + "sink(x)\n"
        let (_, result) = try scan(rules: Self.taintRule, source)
        #expect(lines(result) == [93])
        let nested = "def f():\n    x = source()\n    sink(" + String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150) + ")\n"
        #expect(try lines(scan(rules: Self.taintRule, nested).result) == [3])
    }
}
