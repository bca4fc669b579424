import Foundation
import RampartCLI
import RampartTestSupport
import Testing

/// `docs/rules` is generated from the rules' metadata; this fails when it is stale.
@Suite struct RuleDocsFreshnessTests {
    @Test func committedRulePagesMatchTheGeneratedOnes() async throws {
        let dir = TemporaryDirectory()
        let code = await ScannerCatalog.$override.withValue(ScannerCatalog.builtIn) {
            await RampartCommand.run(arguments: ["rules", "docs", "--out", dir.path + "/rules"])
        }
        #expect(code == 0)
        let committed = PythonOracle.packageRoot + "/docs/rules"
        let fm = FileManager.default
        let generated = Set(fm.enumerator(atPath: dir.path + "/rules")?.allObjects.compactMap { $0 as? String } ?? [])
        let present = Set(fm.enumerator(atPath: committed)?.allObjects.compactMap { $0 as? String } ?? [])
        #expect(generated == present, "run `swift run rampart rules docs --out docs/rules`")
        for page in generated where page.hasSuffix(".md") {
            let fresh = fm.contents(atPath: dir.path + "/rules/" + page)
            let old = fm.contents(atPath: committed + "/" + page)
            #expect(fresh == old, "docs/rules/\(page) is stale: run `swift run rampart rules docs --out docs/rules`")
        }
    }
}
