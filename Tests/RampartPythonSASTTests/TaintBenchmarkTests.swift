import Foundation
import RampartCore
import RampartEngine
@testable import RampartPythonSAST
import RampartTestSupport
import Testing

/// The labelled taint corpus (Fixtures/taint-benchmark, made by its make_corpus.py): 14 flaw
/// categories of 20 Flask handlers each, half vulnerable, half safe for one reason. The built-in
/// taint rules are scored as `bench/taint/score.py` does: TPR - FPR per category.
@Suite struct TaintBenchmarkTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/taint-benchmark").path

    static let rules: [String: String] = [
        "cmdi": "taint-command-injection", "codeinj": "taint-code-injection", "sqli": "taint-sql-injection",
        "ldapi": "taint-ldap-injection", "xpathi": "taint-xpath-injection", "xxe": "taint-xxe",
        "pathtraver": "taint-path-traversal", "redirect": "taint-open-redirect", "xss": "taint-xss",
        "trustbound": "taint-trust-boundary", "deserialization": "taint-deserialization",
        "hash": "taint-weak-hash", "weakrand": "taint-weak-random", "securecookie": "taint-insecure-cookie",
    ]

    struct Label {
        var file: String
        var category: String
        var vulnerable: Bool
        var reason: String
    }

    static func labels() throws -> [Label] {
        let text = try String(contentsOfFile: corpus + "/labels.csv", encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { row in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { return nil }
            return Label(file: fields[0], category: fields[1], vulnerable: fields[2] == "true", reason: fields[3...].joined(separator: ","))
        }
    }

    @Test func theTaintRulesSeparateVulnerableFromSafeHandlers() async throws {
        let labels = try Self.labels()
        #expect(labels.count == 280)
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: Self.corpus, configuration: Configuration(), scanners: [PythonSASTScanner()]))
        #expect(!report.hasFailures, "\(report.diagnostics)")
        var flagged = Set<String>()
        for finding in report.findings {
            guard let path = finding.location.path else { continue }
            flagged.insert(path + " " + finding.ruleId.code)
        }
        var scores: [String: Double] = [:]
        for (category, rule) in Self.rules {
            let mine = labels.filter { $0.category == category }
            let vulnerable = mine.filter(\.vulnerable), safe = mine.filter { !$0.vulnerable }
            #expect(vulnerable.count == 10 && safe.count == 10)
            let missed = vulnerable.filter { !flagged.contains($0.file + " " + rule) }
            let alarms = safe.filter { flagged.contains($0.file + " " + rule) }
            let score = Double(vulnerable.count - missed.count) / 10 - Double(alarms.count) / 10
            scores[category] = score
            #expect(score >= 0.6, "\(category): \(score); missed \(missed.map(\.reason)), false alarms \(alarms.map(\.reason))")
        }
        let mean = scores.values.reduce(0, +) / Double(scores.count)
        #expect(mean >= 0.85, "mean TPR - FPR \(mean): \(scores.sorted { $0.key < $1.key })")
    }
}

/// A taint flow at a Bandit finding confirms it; `taint_only` keeps the findings of the checks
/// taint rules cover only where a flow confirms them.
@Suite struct TaintConfirmationTests {
    static let code = """
    import sqlite3
    from flask import Flask, request
    app = Flask(__name__)
    db = sqlite3.connect(":memory:")

    @app.route("/user")
    def user():
        name = request.args.get("name")
        rows = db.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall()
        fixed = "alice"
        more = db.execute("SELECT * FROM users WHERE name = '%s'" % fixed).fetchall()
        return str(len(rows) + len(more))
    """

    func line(_ finding: Finding) -> Int {
        if case .source(let location) = finding.location { return location.line }
        return 0
    }

    func scan(taintOnly: Bool) async throws -> [Finding] {
        let dir = TemporaryDirectory()
        try dir.write("app.py", Self.code)
        var scanner = PythonSASTScanner()
        scanner.options.taintOnly = taintOnly
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [scanner]))
        return report.findings
    }

    @Test func aFlowConfirmsTheBanditFindingAtItsSink() async throws {
        let findings = try await scan(taintOnly: false)
        let b608 = findings.filter { $0.ruleId.code == "B608" }
        #expect(b608.map { line($0) } == [9, 11])
        let confirmed = try #require(b608.first { line($0) == 9 })
        #expect(confirmed.confidence == .high)
        #expect(confirmed.tags.contains("confirmed-by:python/taint-sql-injection"))
        let unconfirmed = try #require(b608.first { line($0) == 11 })
        #expect(!unconfirmed.tags.contains { $0.hasPrefix("confirmed-by:") })
        let flow = try #require(findings.first { $0.ruleId.code == "taint-sql-injection" })
        #expect(line(flow) == 9)
        #expect(flow.tags.contains("confirms:python/B608"))
    }

    @Test func taintOnlyKeepsOnlyConfirmedFindingsOfCoveredChecks() async throws {
        let findings = try await scan(taintOnly: true)
        #expect(findings.filter { $0.ruleId.code == "B608" }.map { line($0) } == [9])
        #expect(findings.contains { $0.ruleId.code == "taint-sql-injection" })
    }
}

/// A file the taint analysis cannot finish is reported as not fully checked (exit 3), with the
/// findings found so far: never silently clean.
@Suite struct TaintBudgetTests {
    @Test func aFileBeyondTheBudgetIsAScanFailureNamingTheRule() async throws {
        // Taint moves one statement per turn of the loop: the fixpoint needs 3,000 turns of
        // 3,000 statements, more than the 2,000,000 steps a rule has per file.
        var code = "import sqlite3\nfrom flask import request\ndb = sqlite3.connect(':memory:')\n"
        code += "def view(items):\n    x0 = request.args['q']\n    for i in items:\n"
        for k in (1...3_000).reversed() { code += "        x\(k) = x\(k - 1) + 'a'\n" }
        code += "    db.execute(x3000)\n    db.execute(x0)\n"
        let dir = TemporaryDirectory()
        try dir.write("app.py", code)
        var scanner = PythonSASTScanner()
        scanner.options.tests = ["taint-sql-injection"]
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [scanner]))
        #expect(report.hasFailures)
        let diagnostic = try #require(report.diagnostics.first { $0.code == "rule-budget" })
        #expect(diagnostic.message.contains("python/taint-sql-injection"))
        #expect(diagnostic.path == "app.py")
    }
}
