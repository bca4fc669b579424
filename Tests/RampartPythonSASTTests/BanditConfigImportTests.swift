import Foundation
import RampartCore
import RampartEngine
@testable import RampartPythonSAST
import RampartTestSupport
import Testing

@Suite struct BanditConfigImportTests {
    @Test func readsPyprojectToolBandit() {
        let (settings, _) = BanditConfigImport.fromPyproject("""
        [project]
        name = "app"
        skips = ["not-bandit"]

        [tool.bandit]
        exclude_dirs = ["tests", "migrations"]  # generated
        skips = [
            "B101",
            'B311',
        ]
        tests = "B602,B608"

        [tool.bandit.assert_used]
        skips = ["*_test.py"]

        [tool.other]
        skips = ["B999"]
        """)
        #expect(settings?.skips == ["B101", "B311"])
        #expect(settings?.tests == ["B602", "B608"])
        #expect(settings?.excludes == ["tests", "migrations"])
        #expect(settings?.assertSkips == ["*_test.py"])
        #expect(BanditConfigImport.fromPyproject("[project]\nname = 'x'\n").0 == nil)
    }

    @Test func readsDotBanditINI() {
        let settings = BanditConfigImport.fromINI("[other]\nskips = B999\n[bandit]\nskips = B101, B102\nexclude = ./tests,./docs\n")
        #expect(settings.skips == ["B101", "B102"])
        #expect(settings.excludes == ["./tests", "./docs"])
        #expect(settings.excludes("tests/test_a.py"))
        #expect(settings.excludes("src/docs/x.py"))
        #expect(!settings.excludes("src/app.py"))
    }

    @Test func readsBanditYAML() throws {
        let settings = try BanditConfigImport.fromYAML("""
        skips: [B101]
        exclude_dirs: ['venv']
        hardcoded_tmp_directory:
          tmp_dirs: ['/scratch']
        try_except_pass:
          check_typed_exception: true
        some_plugin_we_do_not_know: {x: 1}
        """, file: "bandit.yaml")
        #expect(settings.skips == ["B101"])
        #expect(settings.tmpDirectories == ["/scratch"])
        #expect(settings.checkTypedException == true)
        #expect(throws: ConfigurationError.self) { try BanditConfigImport.fromYAML("skips: {a: [}", file: "bad.yaml") }
    }

    @Test func aProjectsBanditSettingsApplyToTheScan() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app.py", "assert ok\nimport random\nx = random.random()\n")
        try dir.write("tests/test_app.py", "assert ok\n")
        try dir.write("pyproject.toml", "[tool.bandit]\nskips = [\"B101\"]\nexclude_dirs = [\"tests\"]\n")
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [PythonSASTScanner()]))
        #expect(report.findings.map(\.ruleId.code) == ["B311"])
        #expect(report.diagnostics.contains { $0.code == "bandit-config" })
    }
}
