import Foundation
import RampartCustomRules
import Testing

/// Rule files are input too: every mistake names file, line and rule, and the good rules run.
struct RuleLoaderTests {
    @Test func aBadRuleIsReportedAndTheOthersStillRun() throws {
        let yaml = """
        rules:
        - id: good
          pattern: eval(...)
          message: eval
          languages: [python]
          severity: ERROR
        - id: unknown-operator
          patterns:
            - pattern: eval(...)
            - pattern-nope: x
          message: m
          languages: [python]
          severity: ERROR
        - id: bad-pattern
          pattern: "foo(("
          message: m
          languages: [python]
          severity: ERROR
        - id: bad-regex
          pattern-regex: "(unclosed"
          message: m
          languages: [python]
          severity: ERROR
        - id: bad-severity
          pattern: x
          message: m
          languages: [python]
          severity: SEVERE
        """
        let (set, result) = try scan(rules: yaml, "eval(x)\n")
        #expect(set.rules.map(\.id) == ["good"])
        #expect(lines(result) == [1])
        let byID = Dictionary(set.errors.map { ($0.ruleID ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["unknown-operator"]?.message.contains("pattern-nope") == true)
        #expect(byID["unknown-operator"]?.line == 10)
        #expect(byID["bad-pattern"]?.message.contains("not Python") == true)
        #expect(byID["bad-pattern"]?.line == 15)
        #expect(byID["bad-regex"]?.message.contains("does not compile") == true)
        #expect(byID["bad-severity"] != nil)
        #expect(set.errors.allSatisfy { $0.file == "rules.yaml" })
    }

    @Test func otherLanguagesAreSkippedWithANoteNotAnError() throws {
        let yaml = """
        rules:
        - id: js-rule
          pattern: eval(...)
          message: m
          languages: [javascript]
          severity: ERROR
        """
        let (set, _) = try scan(rules: yaml, "x = 1\n")
        #expect(set.rules.isEmpty && set.errors.isEmpty)
        #expect(set.notes.first?.contains("js-rule") == true)
    }

    @Test func brokenYAMLAndAliasBombsAreErrorsNotCrashes() throws {
        // Ten levels of ten: 10^10 values once expanded ("billion laughs").
        var bomb = "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1..<10 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        bomb += "rules: [*l9]\n"
        let started = Date()
        let (set, _) = try scan(rules: bomb, "x = 1\n")
        #expect(set.rules.isEmpty)
        #expect(set.errors.first?.message.contains("alias expansion") == true, "\(set.errors)")
        #expect(Date().timeIntervalSince(started) < 60)
        let (broken, _) = try scan(rules: "rules:\n  - id: x\n   pattern: [", "x = 1\n")
        #expect(broken.errors.first?.message.contains("YAML") == true)
        let (notRules, _) = try scan(rules: "- just a list\n", "x = 1\n")
        #expect(notRules.errors.first?.message.contains("`rules:`") == true)
    }

    @Test func duplicateIDsKeepTheFirst() throws {
        let one = rule("dup", "pattern: eval(...)")
        let (set, _) = try scan(rules: one + String(one.dropFirst("rules:\n".count)), "eval(1)\n")
        #expect(set.rules.count == 1)
        #expect(set.errors.first?.message.contains("same id") == true)
    }

    @Test func severitiesMetadataAndOptionsAreRead() throws {
        let yaml = """
        rules:
        - id: meta
          pattern: eval(...)
          message: "eval of $X"
          languages: [python]
          severity: CRITICAL
          metadata:
            cwe: ["CWE-95: Eval Injection"]
            owasp: ["A03:2021 - Injection"]
            confidence: HIGH
            references: [https://example.com/eval]
            category: security
          options:
            constant_propagation: false
        """
        let (set, _) = try scan(rules: yaml, "eval(1)\n")
        let r = try #require(set.rules.first)
        #expect(r.severity == .critical && r.confidence == .high && r.cwe == [95] && r.owasp == .a03)
        #expect(r.references == ["https://example.com/eval"] && !r.options.constantPropagation)
        #expect(r.metadata.id.rawValue == "rules/meta" && r.metadata.isNamed("meta"))
        let legacy = try scan(rules: rule("w", "pattern: x").replacingOccurrences(of: "ERROR", with: "WARNING"), "x\n").set.rules.first
        #expect(legacy?.severity == .medium)
    }

    @Test func tenThousandRulesLoadAndRun() throws {
        var yaml = "rules:\n"
        for i in 0..<10_000 {
            yaml += "- id: r\(i)\n  pattern: func\(i)(...)\n  message: m\n  languages: [python]\n  severity: INFO\n"
        }
        let started = Date()
        let (set, result) = try scan(rules: yaml, "func42(1)\nfunc9999(2)\nother(3)\n")
        #expect(set.rules.count == 10_000 && set.errors.isEmpty)
        #expect(result.matches.map { set.rules[$0.rule].id }.sorted() == ["r42", "r9999"])
        // Not a timing assertion: a bound that only an explosion (rules × nodes × rules) breaks.
        #expect(Date().timeIntervalSince(started) < 120)
    }
}
