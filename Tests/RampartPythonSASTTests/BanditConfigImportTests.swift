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
        try dir.write("app.py", "assert ok\nimport random\ntoken = random.random()\n")
        try dir.write("tests/test_app.py", "assert ok\n")
        try dir.write("pyproject.toml", "[tool.bandit]\nskips = [\"B101\"]\nexclude_dirs = [\"tests\"]\n")
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [PythonSASTScanner()]))
        // B101 is skipped and tests/ excluded; the built-in taint rule confirms B311 (a token).
        #expect(report.findings.map(\.ruleId.code) == ["B311", "taint-weak-random"])
        #expect(report.diagnostics.contains { $0.code == "bandit-config" })
    }
}

@Suite struct HostilePythonFilesTests {
    @Test func filesThatDoNotParseAreWarningsAndTheScanGoesOn() async throws {
        let dir = TemporaryDirectory()
        try dir.write("good.py", "import pickle\npickle.loads(data)\n")
        try dir.write("py2.py", "print 'hello'\n")
        try dir.write("broken.py", "def f(:\n")
        try dir.write("deep.py", String(repeating: "(", count: 100_000))
        try dir.write("latin.py", bytes: Array("# -*- coding: latin-1 -*-\ns = '".utf8) + [0xE9] + Array("'\nimport telnetlib\n".utf8))
        try dir.write("badutf8.py", bytes: [0x78, 0x20, 0x3D, 0x20, 0x27, 0xFF, 0x27, 0x0A])
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [PythonSASTScanner()]))
        #expect(Set(report.findings.map(\.ruleId.code)) == ["B301", "B403", "B401"])
        let byPath = Dictionary(report.diagnostics.compactMap { d in d.path.map { ($0, d) } }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["py2.py"]?.code == "python2")
        #expect(byPath["broken.py"]?.code == "parse-error")
        #expect(byPath["deep.py"]?.code == "parse-error")
        #expect(byPath["badutf8.py"]?.code == "parse-error")
        #expect(report.diagnostics.allSatisfy { $0.level != .error }, "a file that does not parse does not fail the scan")
        #expect(report.exitCode != 3)
    }
}

@Suite struct BanditCompatTests {
    func codes(_ source: String, compatible: Bool) async throws -> [String] {
        let dir = TemporaryDirectory()
        try dir.write("a.py", source)
        var scanner = PythonSASTScanner()
        scanner.options.banditCompatible = compatible
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [scanner]))
        return report.findings.map(\.ruleId.code)
    }

    @Test func pickletoolsIsNotPickleUnlessAskedToBehaveLikeBandit() async throws {
        #expect(try await codes("import pickletools\n", compatible: false) == [])
        #expect(try await codes("import pickletools\n", compatible: true) == ["B403"])
        #expect(try await codes("import pickle.foo\n", compatible: false) == ["B403"])
    }

    @Test func aTimeoutThatIsNotALiteralIsStillATimeout() async throws {
        let source = "import requests\nrequests.get(url, timeout=settings.timeout())\n"
        #expect(try await codes(source, compatible: false) == [])
        #expect(try await codes(source, compatible: true) == ["B113"])
    }
}

@Suite struct NewerSyntaxTests {
    /// Bandit on Python 3.11 cannot read these files at all; Rampart reads every version's syntax.
    @Test func findsIssuesInCodeUsingSyntaxNewerThanTheHostPython() async throws {
        let dir = TemporaryDirectory()
        try dir.write("modern.py", """
        type Handler[T] = Callable[[T], None]

        def run[T](items: list[T]) -> None:
            print(f"{", ".join(f"{item!r}" for item in items)}")
            eval(items[0])

        try:
            pass
        except ValueError, TypeError:
            import pickle
        """)
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: Configuration(), scanners: [PythonSASTScanner()]))
        #expect(report.diagnostics.isEmpty, "\\(report.diagnostics)")
        #expect(Set(report.findings.map(\.ruleId.code)) == ["B307", "B403"])
    }
}
