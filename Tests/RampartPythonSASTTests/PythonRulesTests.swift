import Foundation
import RampartCore
@testable import RampartPythonSAST
import Testing

@Suite struct PythonRulesTests {
    @Test func everyRuleIsNamespacedAndUnique() {
        let ids = PythonRules.all.map { $0.metadata.id }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.scanner == "python" })
        #expect(ids == ids.sorted(), "PythonRules.all is in id order")
    }

    @Test func everyRuleTypeOfTheModuleIsRegistered() throws {
        // One rule, one file: each file under Rules/ and Blacklists/ named B… declares one rule.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var declared: Set<String> = []
        for folder in ["Sources/RampartPythonSAST/Rules", "Sources/RampartPythonSAST/Blacklists"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            where name.hasPrefix("B") && name.hasSuffix(".swift") {
                declared.insert(String(name.dropLast(6)))
            }
        }
        let registered = Set(PythonRules.all.map { String(describing: $0) })
        #expect(declared == registered)
    }

    @Test(arguments: [
        ("password", true), ("db_password", true), ("PASSWORD", true), ("passwd", true), ("pwd", true), ("api_token", true),
        ("secret_key", true), ("my_pass", true), ("passphrase", true), ("passwords", false), ("username", false),
        ("password_hash_fn", true), ("tokenizer", false), ("__token", true),
    ])
    func passwordNames(name: String, expected: Bool) {
        #expect(HardcodedPassword.isCandidate(name) == expected)
    }

    @Test func partialPaths() {
        #expect(B607StartProcessWithPartialPath.isFullPath("/usr/bin/git"))
        #expect(B607StartProcessWithPartialPath.isFullPath("./run.sh"))
        #expect(B607StartProcessWithPartialPath.isFullPath("C:\\\\tools\\\\x.exe"))
        #expect(!B607StartProcessWithPartialPath.isFullPath("git"))
        #expect(!B607StartProcessWithPartialPath.isFullPath("1:x"))
    }
}
