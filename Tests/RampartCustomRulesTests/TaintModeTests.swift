import Foundation
import PythonSyntax
@testable import RampartCustomRules
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

    @Test func largeAndMutuallyRecursiveCallGraphsAreBounded() throws {
        let interfile = Self.taintRule.replacingOccurrences(of: "mode: taint", with: "mode: taint\n  options:\n    interfile: true")
        // 3,000 functions, each calling the next and the one before, the last one a sink.
        var source = ""
        for k in 0..<3_000 {
            source += "def f\(k)(x):\n    if x:\n        return f\(k + 1)(x)\n    return f\(max(0, k - 1))(x)\n"
        }
        source += "def f3000(x):\n    sink(x)\n    return x\n"
        source += "def view():\n    f0(source())\n"
        let start = Date()
        let (_, result) = try scan(rules: interfile, source)
        #expect(Date().timeIntervalSince(start) < 60)
        // Summaries nest only so deep: the sink 3,000 calls away is not reached, and the call
        // chain does not blow the stack or the time.
        #expect(lines(result).isEmpty)
        #expect(result.incomplete.isEmpty)

        let near = "def a(x):\n    return b(x)\ndef b(x):\n    return a(x) + c(x)\ndef c(x):\n    sink(x)\n    return x\ndef view():\n    a(source())\n"
        #expect(try lines(scan(rules: interfile, near).result) == [6])
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

/// Dead-branch pruning rests on evaluating constants as Python does: CPython is the oracle.
struct PythonConstantsTests {
    /// Random constant expressions (a fixed seed): numbers, strings, booleans, None, with
    /// arithmetic, comparisons, `not`/`and`/`or`, conditional expressions.
    static func expressions(count: Int) -> [String] {
        var rng = SplitMix(seed: 0x5eed)
        let atoms = ["0", "1", "2", "7", "18", "106", "200", "-3", "True", "False", "None", "''", "'a'", "'ab'", "'..'", "2.5", "0.0"]
        let binary = ["+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^", "/"]
        let compare = ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"]
        func expr(_ depth: Int) -> String {
            if depth == 0 { return atoms[rng.next(atoms.count)] }
            switch rng.next(6) {
            case 0: return "(\(expr(depth - 1)) \(binary[rng.next(binary.count)]) \(expr(depth - 1)))"
            case 1: return "(\(expr(depth - 1)) \(compare[rng.next(compare.count)]) \(expr(depth - 1)))"
            case 2: return "(not \(expr(depth - 1)))"
            case 3: return "(\(expr(depth - 1)) \(rng.next(2) == 0 ? "and" : "or") \(expr(depth - 1)))"
            case 4: return "(\(expr(depth - 1)) if \(expr(depth - 1)) else \(expr(depth - 1)))"
            default: return "(-\(expr(depth - 1)))"
            }
        }
        return (0..<count).map { _ in expr(1 + rng.next(3)) }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Python's repr of a constant, as the oracle prints it.
    static func repr(_ v: ConstantValue) -> String? {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let s): return s
        case .string(let s): return s.contains("'") ? nil : "'\(s)'"
        case .float: return nil  // float formatting is not compared
        default: return nil
        }
    }

    @Test(.enabled(if: PythonOracle.python(with: ["sys"]) != nil, "needs python3"))
    func constantExpressionsEvaluateAsInCPython() throws {
        let python = try #require(PythonOracle.python(with: ["sys"]))
        let expressions = Self.expressions(count: 5_000)
        let script = """
        import sys, warnings
        warnings.simplefilter("ignore")
        for line in open(sys.argv[1]).read().split("\\n"):
            try:
                v = eval(line)
                print("float" if isinstance(v, float) else repr(v))
            except Exception as e:
                print("error")
        """
        let dir = TemporaryDirectory()
        let input = try dir.write("expressions.txt", expressions.joined(separator: "\n"))
        let run = try ProcessRunner.run(python, ["-c", script, input], in: dir.path)
        let answers = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var compared = 0, known = 0
        for (index, text) in expressions.enumerated() {
            let module = try PythonParsing.parse(Array(text.utf8)).module
            guard case .expr(let e) = module.body.first?.kind else { continue }
            guard let ours = PythonConstants.value(of: e, lookup: { _ in nil }) else { continue }
            known += 1
            // Where Rampart answers, CPython must agree (Rampart may decline, never differ).
            #expect(answers[index] != "error", "\(text): Rampart says \(ours), CPython raises")
            guard let r = Self.repr(ours), answers[index] != "float" else { continue }
            compared += 1
            #expect(answers[index] == r, "\(text): CPython \(answers[index]), Rampart \(r)")
        }
        #expect(compared > 500, "only \(compared) of \(known) answers compared")
    }
}
