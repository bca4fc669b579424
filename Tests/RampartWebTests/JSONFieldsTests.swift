@testable import RampartWeb
import Testing

/// JSON request bodies are probed field by field: leaves by path, one replaced at a time;
/// hostile bodies (deep nesting, huge, not JSON) stay bounded and never throw.
struct JSONFieldsTests {
    @Test func leavesAndReplacement() {
        let body = #"{"user": {"name": "alice", "age": 30, "admin": false}, "tags": ["a", "b"], "note": null}"#
        let leaves = JSONFields.leaves(of: body)
        #expect(leaves.map(\.path) == ["tags[0]", "tags[1]", "user.admin", "user.age", "user.name"])
        #expect(leaves.first { $0.path == "user.admin" }?.value == "false")
        #expect(leaves.first { $0.path == "user.age" }?.value == "30")
        let replaced = JSONFields.replacing("user.name", in: body, with: "x'\"<y>")
        #expect(replaced.map(JSONFields.leaves)?.first { $0.path == "user.name" }?.value == "x'\"<y>")
        #expect(JSONFields.replacing("user.missing", in: body, with: "x") == nil)
        #expect(JSONFields.replacing("tags[5]", in: body, with: "x") == nil)
    }

    @Test func hostileBodiesStayBounded() {
        let deep = String(repeating: "[", count: 10_000) + "1" + String(repeating: "]", count: 10_000)
        #expect(JSONFields.leaves(of: deep).isEmpty)
        let wide = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        #expect(JSONFields.leaves(of: wide).count == JSONFields.maxLeaves)
        #expect(JSONFields.leaves(of: "not json {").isEmpty)
        #expect(JSONFields.leaves(of: "\u{FFFD}\u{0}").isEmpty)
    }
}
