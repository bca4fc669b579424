import Foundation
import RampartCore
@testable import RampartDeps
import RampartTestSupport
import Testing

let cycloneDXPython = PythonOracle.python(with: ["cyclonedx.validation.json"])

@Suite struct SBOMTests {
    func document(withVulnerabilities: Bool) throws -> (JSONValue, [String: Any]) {
        let root = ManifestTests.fixtures
        let manifests = ["poetry/poetry.lock", "poetry/pyproject.toml", "uv/uv.lock", "pipenv/Pipfile.lock"].map { SourceFile(path: $0, size: 0) }
        var options = DepsOptions()
        options.advisoriesPath = demoAdvisories
        let (dependencies, diagnostics) = DepsScanner.collect(root: root, manifests: manifests, options: options)
        #expect(diagnostics.isEmpty)
        let vulnerabilities = withVulnerabilities ? try CycloneDX.vulnerabilities(of: dependencies, options: options) : nil
        let value = CycloneDX.document(project: "fixtures", dependencies: dependencies, vulnerabilities: vulnerabilities, toolVersion: "test",
                                       serial: "3e671687-395b-41f5-a30f-a58921a69b79", timestamp: Date(timeIntervalSince1970: 1_700_000_000))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(value.serialized(pretty: false).utf8)) as? [String: Any])
        return (value, object)
    }

    /// CycloneDX 1.5's required structure, asserted directly.
    @Test func requiredStructure() throws {
        let (_, bom) = try document(withVulnerabilities: true)
        #expect(bom["bomFormat"] as? String == "CycloneDX")
        #expect(bom["specVersion"] as? String == "1.5")
        #expect((bom["version"] as? Int).map { $0 >= 1 } == true)
        #expect((bom["serialNumber"] as? String)?.hasPrefix("urn:uuid:") == true)
        let components = try #require(bom["components"] as? [[String: Any]])
        let purls = components.compactMap { $0["purl"] as? String }
        #expect(purls == ["pkg:pypi/flask@0.12.2", "pkg:pypi/pytest@8.3.3", "pkg:pypi/pyyaml@5.3", "pkg:pypi/requests@2.19.1"])
        #expect(components.allSatisfy { $0["type"] as? String == "library" && $0["name"] is String && $0["bom-ref"] is String })
        let flask = try #require(components.first { $0["name"] as? String == "flask" })
        #expect((flask["hashes"] as? [[String: String]])?.first?["alg"] == "SHA-256")
        let vulnerabilities = try #require(bom["vulnerabilities"] as? [[String: Any]])
        #expect(!vulnerabilities.isEmpty)
        let refs = Set(components.compactMap { $0["bom-ref"] as? String })
        #expect(vulnerabilities.allSatisfy { entry in
            ((entry["affects"] as? [[String: String]]) ?? []).allSatisfy { refs.contains($0["ref"] ?? "") }
        })
    }

    /// The official schema (CycloneDX's Python library, from PyPI), when it is installed.
    @Test(.enabled(if: cycloneDXPython != nil, "no Python with cyclonedx-python-lib[json-validation]"))
    func validatesAgainstTheCycloneDXSchema() async throws {
        let dir = TemporaryDirectory()
        for vulnerable in [false, true] {
            let (value, _) = try document(withVulnerabilities: vulnerable)
            try dir.write("bom.json", value.serialized(pretty: true))
            let script = "import sys\nfrom cyclonedx.validation.json import JsonStrictValidator\nfrom cyclonedx.schema import SchemaVersion\ne = JsonStrictValidator(SchemaVersion.V1_5).validate_str(open(sys.argv[1]).read())\nprint('valid' if e is None else e)"
            let result = try await dir.runDetached(try #require(cycloneDXPython), ["-c", script, "bom.json"])
            #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "valid", "\(result.output) \(result.errors)")
        }
    }
}
