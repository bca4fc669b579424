import Foundation
@testable import RampartDeps
import RampartTestSupport
import Testing

/// Every manifest and lockfile format, from fixtures of real-world shapes (`Fixtures/`).
@Suite struct ManifestTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func parsed(_ folder: String, _ file: String) -> [String: Dependency] {
        let result = Manifests.parse(root: Self.fixtures + "/" + folder, path: file)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return Dictionary(result.dependencies.map { ($0.normalizedName, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func poetry() {
        let lock = parsed("poetry", "poetry.lock")
        #expect(lock["flask"]?.version == "0.12.2" && lock["flask"]?.line == 4 && lock["flask"]?.kind == .locked)
        #expect(lock["flask"]?.hashes == ["sha256:0749df235e3ff61ac108f69ac178c9770caeaccad2509cb762ce1f65570a8856"])
        #expect(lock["pyyaml"]?.line == 14)
        let project = parsed("poetry", "pyproject.toml")
        #expect(project["python"] == nil)
        #expect(project["flask"]?.version == nil && project["flask"]?.line == 7)
        #expect(project["pyyaml"]?.version == "5.3")
        #expect(project["pytest"]?.group == "dev")
    }

    @Test func uvAndPDM() {
        let uv = parsed("uv", "uv.lock")
        #expect(uv["shop"] == nil, "the project itself is not a dependency")
        #expect(uv["requests"]?.version == "2.19.1" && uv["requests"]?.hashes.count == 2 && uv["requests"]?.line == 11)
        let pdm = parsed("pdm", "pdm.lock")
        #expect(pdm["jinja2"]?.version == "2.10" && pdm["jinja2"]?.group == "default" && pdm["jinja2"]?.line == 8)
    }

    @Test func pipenv() {
        let lock = parsed("pipenv", "Pipfile.lock")
        #expect(lock["pyyaml"]?.version == "5.3" && lock["pyyaml"]?.group == "default" && lock["pyyaml"]?.hashes.count == 1)
        #expect(lock["flask"]?.group == "develop" && lock["flask"]?.marker == "python_version >= '3.6'")
    }

    @Test func pep621AndDependencyGroups() {
        let project = parsed("pep621", "pyproject.toml")
        #expect(project["requests"]?.version == "2.19.1" && project["requests"]?.line == 5)
        #expect(project["click"]?.version == nil && project["click"]?.specifier.description == ">=8")
        #expect(project["pyyaml"]?.group == "yaml" && project["pyyaml"]?.marker == "python_version >= '3.8'")
        #expect(project["jinja2"]?.group == "test" && project["flake8"]?.group == "lint")
    }

    @Test func setupCfg() {
        let cfg = parsed("setupcfg", "setup.cfg")
        #expect(cfg["flask"]?.version == "0.12.2" && cfg["flask"]?.line == 7)
        #expect(cfg["requests"]?.version == nil)
        #expect(cfg["pyyaml"]?.group == "yaml" && cfg["pyyaml"]?.line == 12)
    }

    @Test func installedEnvironment() throws {
        let dir = TemporaryDirectory()
        try dir.write("site-packages/PyYAML-5.3.dist-info/METADATA", "Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\n\nName: not-a-header\n")
        try dir.write("site-packages/old_pkg-1.0.egg-info/PKG-INFO", "Name: old-pkg\nVersion: 1.0\n")
        try dir.write("site-packages/broken.dist-info/METADATA", "garbage\n")
        let result = Manifests.installed(sitePackages: dir.absolute("site-packages"))
        #expect(result.dependencies.map { "\($0.normalizedName) \($0.version ?? "")" }.sorted() == ["old-pkg 1.0", "pyyaml 5.3"])
    }

    @Test func invalidTOMLIsADiagnostic() throws {
        let dir = TemporaryDirectory()
        try dir.write("poetry.lock", "[[package]\nname = \n")
        let result = Manifests.parse(root: dir.path, path: "poetry.lock")
        #expect(result.dependencies.isEmpty && result.diagnostics.first?.code == "manifest-syntax")
    }

    /// A lockfile next to a declaration: the lockfile's pins are checked, the declaration's ranges
    /// are not reported as unpinned, and each vulnerability is reported once.
    @Test func lockfileWinsOverDeclarations() async throws {
        var options = DepsOptions()
        options.advisoriesPath = demoAdvisories
        options.allowStale = true
        let report = try await scanDeps(Self.fixtures + "/poetry", options: options)
        #expect(!report.findings.contains { $0.ruleId.code == "unpinned-requirement" })
        let pyyaml = report.findings.filter { $0.component?.name == "pyyaml" }
        #expect(pyyaml.count == Set(pyyaml.map(\.ruleId)).count)
        #expect(pyyaml.allSatisfy { $0.location.path == "poetry.lock" })
    }
}
