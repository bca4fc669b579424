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
    ])
    func ignores(line: String) {
        #expect(InlineSuppression.parse(line: Substring(line)).isEmpty)
    }
}
