import RampartCore
import Testing

@Suite struct InlineSuppressionTests {
    @Test(arguments: [
        ("x()  # nosec", [InlineSuppression(kind: .nosec, rules: [], reason: nil)]),
        ("x()  #nosec", [InlineSuppression(kind: .nosec, rules: [], reason: nil)]),
        ("x()  # nosec B602,B607", [InlineSuppression(kind: .nosec, rules: ["B602", "B607"], reason: nil)]),
        ("x()  # nosec: B602 reviewed", [InlineSuppression(kind: .nosec, rules: ["B602"], reason: "reviewed")]),
        ("x()  # noqa # nosec", [InlineSuppression(kind: .nosec, rules: [], reason: nil)]),
        ("x()  # rampart: ignore[python/B602, B607] trusted input", [InlineSuppression(kind: .rampart, rules: ["python/B602", "B607"], reason: "trusted input")]),
        ("x()  // rampart: ignore[secrets/aws] test key", [InlineSuppression(kind: .rampart, rules: ["secrets/aws"], reason: "test key")]),
        // Ruff's codes for Bandit's checks: S324 is B324; other linters' codes are dropped.
        ("h = md5(x)  # noqa: S324", [InlineSuppression(kind: .noqa, rules: ["B324"], reason: "noqa: S324")]),
        ("r = random()  # noqa: E501, S311,S608", [InlineSuppression(kind: .noqa, rules: ["B311", "B608"], reason: "noqa: S311, S608")]),
    ])
    func parses(line: String, expected: [InlineSuppression]) {
        #expect(InlineSuppression.parse(line: Substring(line)) == expected)
    }

    @Test(arguments: [
        "x = '# nosec'",
        "x = \"a # nosec\"",
        "x()  # nosecurity",
        "x()  # rampart: ignored",
        "x()  # rampart: ignore[unclosed",
        "x()",
        "nosec()",
        // A bare noqa, or one naming no Bandit check, is about style: it silences nothing here.
        "x()  # noqa",
        "x()  # noqa: E501,F401",
        "x()  # noqa: S3241",
    ])
    func ignores(line: String) {
        #expect(InlineSuppression.parse(line: Substring(line)).isEmpty)
    }

    @Test func ruffsNoqaCoversTheBanditCheckAndTheTaintRuleThatConfirmsIt() throws {
        let noqa = try #require(InlineSuppression.parse(line: "h = hashlib.md5(x)  # noqa: S324").first)
        let bandit = RuleMetadata(id: RuleID("python/B324"), title: "hashlib", severity: .high, confidence: .high, documentation: "", examples: [])
        let taint = RuleMetadata(id: RuleID("python/taint-weak-hash"), aliases: ["B303", "B324"], title: "weak hash", severity: .medium, confidence: .high, documentation: "", examples: [])
        let other = RuleMetadata(id: RuleID("python/B311"), title: "random", severity: .low, confidence: .high, documentation: "", examples: [])
        #expect(noqa.covers(bandit, id: bandit.id))
        #expect(noqa.covers(taint, id: taint.id))
        #expect(!noqa.covers(other, id: other.id))
    }
}
