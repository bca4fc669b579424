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

    @Test func theBuiltInTaintRulesCompileAndAreRegistered() throws {
        let set = PythonTaintRules.ruleSet
        #expect(set.errors.isEmpty, "\(set.errors)")
        let ids = PythonTaintRules.all.map { $0.metadata.id }
        #expect(set.rules.map { $0.id } == ids.map { $0.code })
        #expect(ids == ids.sorted(), "PythonTaintRules.all is in id order")
        #expect(ids.allSatisfy { $0.scanner == "python" && $0.code.hasPrefix("taint-") })
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let declared = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources/RampartPythonSAST/Taint").path)
            .filter { $0.hasPrefix("Taint") && $0 != "TaintModels.swift" }.map { String($0.dropLast(6)) }
        #expect(Set(declared) == Set(PythonTaintRules.all.map { String(describing: $0) }))
    }

    @Test(arguments: [
        ("password", true), ("db_password", true), ("PASSWORD", true), ("passwd", true), ("pwd", true), ("api_token", true),
        ("secret_key", true), ("my_pass", true), ("passphrase", true), ("passwords", false), ("username", false),
        ("password_hash_fn", true), ("tokenizer", false), ("__token", true), ("passsssssssssssssssword", true),
        ("passwrd", true), ("paswd", true), ("pssword", false), ("PassWorD", true), ("secretes", false), ("_", false),
        ("", false), ("pass_", true), ("x__pwd__y", true), ("pasword_", true), ("pas", false), ("passwordd", false),
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

@Suite struct PythonSectionTests {
    func scanner(_ yaml: String) throws -> PythonSASTScanner {
        let node = try ConfigNode.parse(yaml: yaml, file: ".rampart.yml")
        guard case .mapping(let pairs, _) = node, let section = pairs.first?.value else { throw ConfigurationError(file: "", line: 0, column: 0, key: nil, message: "no section") }
        return try #require(try PythonSASTScanner().configured(with: section, reader: NodeReader(file: ".rampart.yml")) as? PythonSASTScanner)
    }

    @Test func testsAndSkipsSelectRules() throws {
        let configured = try scanner("python:\n  tests: [B602, hardcoded_password_string, B101]\n  skips: [B101]\n")
        let ids = configured.enabledRules(Configuration()).map { $0.metadata.id.code }
        #expect(ids == ["B105", "B602"])
    }

    @Test func optionsReachTheRules() throws {
        let configured = try scanner("python:\n  assert_skips: ['*/tests/*']\n  tmp_dirs: [/scratch]\n  check_typed_exception: true\n")
        #expect(configured.options.assertSkips == ["*/tests/*"])
        #expect(configured.options.tmpDirectories == ["/scratch"])
        #expect(configured.options.checkTypedException)
    }

    @Test func mistakesNameTheLine() {
        #expect(throws: ConfigurationError.self) { try scanner("python:\n  skip: [B101]\n") }
        #expect(throws: ConfigurationError.self) { try scanner("python:\n  skips: [B999]\n") }
        do {
            _ = try scanner("python:\n  tests: [B602]\n  bogus: 1\n")
            Issue.record("accepted an unknown key")
        } catch let error as ConfigurationError {
            #expect(error.line == 3)
            #expect(error.key == "python.bogus")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
