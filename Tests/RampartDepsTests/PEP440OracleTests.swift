import Foundation
@testable import RampartDeps
import RampartTestSupport
import Testing

/// PEP 440 against the `packaging` library (installed from PyPI by `.ci/run`): at least 10,000
/// generated version pairs (validity, normal form, order) and 10,000 specifier checks (validity,
/// containment with `packaging`'s default pre-release policy). Zero disagreements.
let packagingPython = PythonOracle.python(with: ["packaging.version", "packaging.specifiers"])

@Suite(.enabled(if: packagingPython != nil, "no Python with `packaging`: run .ci/run, or pip install packaging"))
struct PEP440OracleTests {
    static let python = packagingPython

    static let script = #"""
    import json, sys
    from packaging.version import Version, InvalidVersion
    from packaging.specifiers import Specifier, SpecifierSet, InvalidSpecifier
    def version(text):
        try:
            return Version(text)
        except InvalidVersion:
            return None
    out = []
    for line in sys.stdin:
        item = json.loads(line)
        if item["kind"] == "pair":
            a, b = version(item["a"]), version(item["b"])
            if a is None or b is None:
                out.append({"a": None if a is None else str(a), "b": None if b is None else str(b), "cmp": None})
            else:
                out.append({"a": str(a), "b": str(b), "cmp": (a > b) - (a < b)})
        else:
            try:
                spec = SpecifierSet(item["spec"])
            except InvalidSpecifier:
                out.append({"valid": False, "contains": None})
                continue
            v = version(item["version"])
            out.append({"valid": True, "contains": None if v is None else spec.contains(v)})
    json.dump(out, sys.stdout)
    """#

    /// Versions built from every spelling PEP 440 allows, plus near misses that are invalid.
    static func randomVersion(_ g: inout SplitMix) -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        if g.next() % 25 == 0 { return pick(["1.0-", "a1", "1..0", "1.0+", "1.0+ab_", "v", "", "1.0abc", "1_0", "1.0.post1.post2", "01!", "1.0-dev-1"]) }
        var s = pick(["", "", "", "", "v", "V", " "])
        if g.next() % 8 == 0 { s += pick(["0", "1", "2", "10"]) + "!" }
        let parts = Int(g.next() % 4) + 1
        s += (0..<parts).map { _ in pick(["0", "0", "1", "2", "3", "9", "10", "00", "01", "2024", "123456789012345678901"]) }.joined(separator: ".")
        if g.next() % 3 == 0 {
            s += pick(["", "-", ".", "_"]) + pick(["a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC", "A"]) + pick(["", "-", ".", "_"]) + pick(["", "0", "1", "2", "10"])
        }
        if g.next() % 4 == 0 {
            s += pick(["-1", "-0", ".post", ".post1", "post2", "_post3", "-r4", "rev", ".REV5", "r"])
        }
        if g.next() % 4 == 0 { s += pick([".dev", ".dev0", "dev1", "-dev2", "_dev", ".DEV3"]) }
        if g.next() % 6 == 0 { s += "+" + pick(["ubuntu.1", "1", "01", "abc", "1.2.abc", "deadbeef", "a-b_c", "2.0", "Ubuntu-1"]) }
        if g.next() % 10 == 0 { s += pick([" ", "\t"]) }
        return s
    }

    static func randomSpecifier(_ g: inout SplitMix) -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        let count = Int(g.next() % 3) + 1
        return (0..<count).map { _ in
            let op = pick(["==", "!=", "<=", ">=", "<", ">", "~=", "===", "== ", " >= "])
            var v = randomVersion(&g).trimmingCharacters(in: .whitespaces)
            if (op.contains("==") || op.contains("!=")) && g.next() % 3 == 0 { v = String(v.prefix { $0 != "+" }) + ".*" }
            return op + v
        }.joined(separator: pick([",", ", ", " ,"]))
    }

    @Test func versionsAndSpecifiersAgreeWithPackaging() async throws {
        let python = try #require(Self.python)
        var g = SplitMix(seed: 440)
        var lines: [String] = []
        var pairs: [(String, String)] = []
        var checks: [(String, String)] = []
        for _ in 0..<12_000 {
            let a = Self.randomVersion(&g), b = g.next() % 5 == 0 ? Self.randomVersion(&g) : Self.mutate(Self.randomVersion(&g), &g)
            pairs.append((a, b))
        }
        for _ in 0..<12_000 { checks.append((Self.randomSpecifier(&g), Self.randomVersion(&g))) }
        func json(_ object: [String: String]) -> String {
            String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
        }
        lines += pairs.map { json(["kind": "pair", "a": $0.0, "b": $0.1]) }
        lines += checks.map { json(["kind": "spec", "spec": $0.0, "version": $0.1]) }

        let dir = TemporaryDirectory()
        try dir.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        try dir.write("oracle.py", Self.script)
        let result = try await dir.runDetached("/bin/sh", ["-c", "\"$0\" oracle.py < in.jsonl", python])
        try #require(result.status == 0, "\(result.errors)")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        try #require(answers.count == lines.count)

        var disagreements: [String] = []
        for (index, (a, b)) in pairs.enumerated() {
            let answer = answers[index]
            let va = PEP440Version(a), vb = PEP440Version(b)
            let expectedA = answer["a"] as? String, expectedB = answer["b"] as? String
            if va?.description != expectedA { disagreements.append("version \(a.debugDescription): rampart \(va?.description ?? "invalid"), packaging \(expectedA ?? "invalid")") }
            if vb?.description != expectedB { disagreements.append("version \(b.debugDescription): rampart \(vb?.description ?? "invalid"), packaging \(expectedB ?? "invalid")") }
            if let va, let vb, let expected = answer["cmp"] as? Int {
                let mine = PEP440Version.compare(va, vb)
                if mine != expected { disagreements.append("compare \(a.debugDescription) \(b.debugDescription): rampart \(mine), packaging \(expected)") }
            }
        }
        for (offset, (spec, version)) in checks.enumerated() {
            let answer = answers[pairs.count + offset]
            let parsed = SpecifierSet(spec)
            let valid = answer["valid"] as? Bool ?? false
            if (parsed != nil) != valid {
                disagreements.append("specifier \(spec.debugDescription): rampart \(parsed == nil ? "invalid" : "valid"), packaging \(valid ? "valid" : "invalid")")
                continue
            }
            if let parsed, let expected = answer["contains"] as? Bool, let v = PEP440Version(version) {
                let mine = parsed.contains(v)
                if mine != expected { disagreements.append("\(spec.debugDescription) contains \(version.debugDescription): rampart \(mine), packaging \(expected)") }
            }
        }
        print("PEP 440 oracle: \(pairs.count) version pairs, \(checks.count) specifier checks, \(disagreements.count) disagreements")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(40).joined(separator: "\n"))")
    }

    /// A near neighbour of a version, so that many pairs compare equal or close.
    static func mutate(_ v: String, _ g: inout SplitMix) -> String {
        switch g.next() % 5 {
        case 0: return v + ".0"
        case 1: return v.uppercased()
        case 2: return v.replacingOccurrences(of: ".", with: "-")
        case 3: return "v" + v
        default: return v
        }
    }
}
