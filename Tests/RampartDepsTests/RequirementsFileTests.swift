import Foundation
@testable import RampartDeps
import RampartTestSupport
import Testing

@Suite struct RequirementsFileTests {
    @Test func awkwardLines() throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements/base.txt", """
        # Production requirements
        --index-url https://pypi.example.org/simple
        --extra-index-url=https://mirror.example.org/simple
        -r common.txt
        -c ../constraints.txt
        Django==4.2.7 ; python_version >= "3.8"   # LTS
        requests[security,socks] >= 2.31, <3
        pyyaml==6.0.1 \\
            --hash=sha256:d858aa552c999bc8a8d57426ed01e40bef403cd8ccdd0fc5f6f04a00414cac2a \\
            --hash=sha256:ba26ba8cbcf3a1b2aa4a2f1dd0fe4a1d8eb1a38bf7ffb8f7b78c6c7b1d0c3e4f
        Jinja2 (==3.1.2)
        -e git+https://github.com/example/tool.git@v1.2#egg=example-tool
        pkg @ https://files.example.org/pkg-1.0-py3-none-any.whl
        https://files.example.org/other_pkg-2.1.0.tar.gz
        -e .
        --no-binary :all:
        zope.interface===5.4.0
        Some_Package.Name==1.0
        not a requirement at all !!
        """)
        try dir.write("requirements/common.txt", "click==8.1.7\n-r base.txt\n")
        try dir.write("constraints.txt", "urllib3<2\n")
        let result = RequirementsFile.parse(root: dir.path, path: "requirements/base.txt")
        let byName = Dictionary(result.dependencies.map { ($0.normalizedName, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["django"]?.version == "4.2.7")
        #expect(byName["django"]?.marker == "python_version >= \"3.8\"")
        #expect(byName["django"]?.line == 6)
        #expect(byName["requests"]?.version == nil)
        #expect(byName["requests"]?.extras == ["security", "socks"])
        #expect(byName["requests"]?.specifier.description == "<3,>=2.31")
        #expect(byName["pyyaml"]?.hashes.count == 2 && byName["pyyaml"]?.line == 8)
        #expect(byName["jinja2"]?.version == "3.1.2")
        #expect(byName["example-tool"]?.editable == true && byName["example-tool"]?.url?.hasPrefix("git+") == true)
        #expect(byName["pkg"]?.url == "https://files.example.org/pkg-1.0-py3-none-any.whl")
        #expect(byName["other-pkg"]?.version == "2.1.0")
        #expect(byName["zope-interface"]?.version == "5.4.0")
        #expect(byName["some-package-name"]?.version == "1.0")
        #expect(byName["click"]?.file == "requirements/common.txt")
        #expect(byName["urllib3"]?.kind == .constraint && byName["urllib3"]?.file == "constraints.txt")
        #expect(result.diagnostics.contains { $0.code == "include-loop" })
        #expect(result.diagnostics.contains { $0.code == "requirements-syntax" && $0.line == 19 })
        #expect(Set(result.files) == ["requirements/base.txt", "requirements/common.txt", "constraints.txt"])
    }

    @Test func aMissingIncludeIsADiagnostic() throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "flask==3.0.0\n-r missing/dev.txt\n")
        let result = RequirementsFile.parse(root: dir.path, path: "requirements.txt")
        #expect(result.dependencies.map(\.normalizedName) == ["flask"])
        #expect(result.diagnostics.contains { $0.code == "missing-include" && $0.level == .error })
    }

    @Test func hostileInputEndsInDiagnosticsNotCrashes() throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", bytes: [0xFF, 0xFE, 0x0A] + Array(String(repeating: "\\\n", count: 10_000).utf8) + Array("a==1\n[[[\n==\n@\n".utf8))
        let result = RequirementsFile.parse(root: dir.path, path: "requirements.txt")
        #expect(result.dependencies.count <= 1)
    }

    @Test(arguments: [("Django", "django"), ("zope.interface", "zope-interface"), ("Some__Weird--Name", "some-weird-name"), ("A_B.C", "a-b-c")])
    func pep503(_ name: String, _ normal: String) {
        #expect(Dependency.normalize(name) == normal)
    }
}

@Suite struct OSVMatchingTests {
    func record(_ events: [OSVRecord.Event], versions: [String]? = nil, withdrawn: String? = nil) -> OSVRecord {
        OSVRecord(id: "TEST-1", aliases: [], withdrawn: withdrawn, affected: [
            .init(package: .init(name: "Pkg_Name", ecosystem: "PyPI"), ranges: [.init(type: "ECOSYSTEM", events: events)], versions: versions),
        ])
    }

    @Test func introducedFixedAndOrdering() {
        let r = record([.init(fixed: "2.0"), .init(introduced: "1.0")])  // out of order on purpose
        #expect(!r.affects("pkg-name", version: "0.9"))
        #expect(r.affects("pkg-name", version: "1.0"))
        #expect(r.affects("pkg-name", version: "1.9.9"))
        // A range's fix covers the fix's own pre-releases: ordering, not specifier matching.
        #expect(r.affects("pkg-name", version: "2.0rc1"))
        #expect(!r.affects("pkg-name", version: "2.0"))
        #expect(!r.affects("pkg-name", version: "2.0.post1"))
    }

    @Test func lastAffectedLimitVersionsAndWithdrawn() {
        let last = record([.init(introduced: "0"), .init(lastAffected: "1.4")])
        #expect(last.affects("pkg-name", version: "1.4"))
        #expect(!last.affects("pkg-name", version: "1.4.1"))
        let limited = record([.init(introduced: "1.0"), .init(limit: "1.5")])
        #expect(limited.affects("pkg-name", version: "1.2"))
        #expect(!limited.affects("pkg-name", version: "1.5"))
        let listed = record([], versions: ["0.5", "0.7"])
        #expect(listed.affects("pkg-name", version: "0.5"))
        #expect(listed.affects("pkg-name", version: "0.5.0"))
        #expect(!listed.affects("pkg-name", version: "0.6"))
        #expect(!record([.init(introduced: "0")], withdrawn: "2024-01-01T00:00:00Z").affects("pkg-name", version: "1.0"))
    }

    @Test func legacyVersionsSortBelowEveryValidOne() {
        #expect(PackageVersion("not-a-version") < PackageVersion("0.0.1.dev0"))
        let r = record([.init(introduced: "0"), .init(fixed: "weird-1")])
        // The fix is a legacy version: ordered as versions are, it would sort below every valid
        // one and hide the advisory from every release. Such a bound ends nothing (issue 16):
        // the range stays open, and the scanner says why (advisory-range).
        #expect(r.affects("pkg-name", version: "1.0"))
        #expect(r.affects("pkg-name", version: "weird-0"))
    }

    @Test func aliasesMergeIntoOneVulnerability() {
        var a = record([.init(introduced: "0"), .init(fixed: "2.0")])
        a.id = "PYSEC-2020-1"
        a.aliases = ["CVE-2020-1", "GHSA-aaaa-bbbb-cccc"]
        var b = record([.init(introduced: "0"), .init(fixed: "2.1")])
        b.id = "GHSA-aaaa-bbbb-cccc"
        b.aliases = ["CVE-2020-1"]
        b.severity = [.init(type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
        let found = VulnerabilityMatcher.vulnerabilities(package: "pkg-name", version: "1.0", records: [a, b])
        #expect(found.count == 1)
        #expect(found.first?.id == "GHSA-aaaa-bbbb-cccc")
        #expect(found.first?.aliases == ["CVE-2020-1", "GHSA-aaaa-bbbb-cccc", "PYSEC-2020-1"])
        #expect(found.first?.severity == .critical && found.first?.cvssScore == 9.8)
        #expect(found.first?.fixedVersions == ["2.0", "2.1"])
        #expect(VulnerabilityMatcher.smallestSafeUpgrade(package: "pkg-name", version: "1.0", records: [a, b]) == "2.1")
    }

    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8), ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5), ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8), ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ])
    func cvss(_ vector: String, _ score: Double) {
        #expect(CVSS.baseScore(vector) == score)
    }
}

@Suite struct SeverityFallbackTests {
    /// A record with only a CVSS v4 vector takes the database's rating (GHSA's `HIGH`): Rampart
    /// scores v3 vectors itself but does not embed CVSS v4's expert lookup table.
    @Test func cvssV4OnlyUsesTheDatabaseRating() {
        var record = OSVRecord(id: "GHSA-xxxx-yyyy-zzzz", affected: [
            .init(package: .init(name: "pkg", ecosystem: "PyPI"), ranges: [.init(type: "ECOSYSTEM", events: [.init(introduced: "0"), .init(fixed: "2.0")])], versions: nil),
        ])
        record.severity = [.init(type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
        record.databaseSpecific = .init(severity: "HIGH")
        let found = VulnerabilityMatcher.vulnerabilities(package: "pkg", version: "1.0", records: [record])
        #expect(found.first?.severity == .high && found.first?.cvssScore == nil)
        record.databaseSpecific = .init(severity: "MODERATE")
        #expect(VulnerabilityMatcher.vulnerabilities(package: "pkg", version: "1.0", records: [record]).first?.severity == .medium)
    }
}

/// Bounded work on hostile manifests: each file read once, every lookup indexed.
@Suite struct BoundedManifestTests {
    /// 19 levels of 3 files, each including the 3 files of the next level: 3^19 include paths,
    /// but 57 files, each read once.
    @Test func aDAGOfIncludesReadsEachFileOnce() throws {
        let dir = TemporaryDirectory()
        let levels = 19
        for level in 0..<levels {
            for index in 0..<3 {
                let next = level + 1 < levels ? (0..<3).map { "-r l\(level + 1)-\($0).txt" }.joined(separator: "\n") + "\n" : ""
                try dir.write("l\(level)-\(index).txt", next + "pkg-\(level)-\(index)==1.0\n")
            }
        }
        try dir.write("requirements.txt", "-r l0-0.txt\n-r l0-1.txt\n-r l0-2.txt\n")
        let result = RequirementsFile.parse(root: dir.path, path: "requirements.txt")
        #expect(result.files.count == 1 + levels * 3)
        #expect(Set(result.dependencies.map(\.name)).count == levels * 3)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.display))")
    }

    @Test func thousandsOfLockedPackagesKeepTheirLines() throws {
        let dir = TemporaryDirectory()
        var text = "version = 1\n"
        for index in 0..<3000 { text += "\n[[package]]\nname = \"Pkg_\(index)\"\nversion = \"1.0.\(index)\"\n" }
        try dir.write("uv.lock", text)
        let result = Manifests.parse(root: dir.path, path: "uv.lock")
        #expect(result.dependencies.count == 3000)
        #expect(result.dependencies.first { $0.name == "Pkg_2999" }?.line == 3 + 2999 * 4 + 1)
        #expect(result.dependencies.first { $0.name == "Pkg_0" }?.line == 4)
    }

    @Test func manySBOMComponentsGroupTheirFiles() throws {
        var dependencies: [Dependency] = []
        for index in 0..<20_000 {
            dependencies.append(Dependency(name: "pkg\(index % 10_000)", version: "1.0", kind: .locked, file: index < 10_000 ? "a.txt" : "b.txt", line: 1))
        }
        let document = CycloneDX.document(project: "p", dependencies: dependencies, toolVersion: "t", serial: "s", timestamp: Date(timeIntervalSince1970: 0))
        let text = document.serialized(pretty: false)
        #expect(text.components(separatedBy: "\"bom-ref\":\"pkg:pypi/").count - 1 == 10_000)
        #expect(text.contains("{\"name\":\"rampart:file\",\"value\":\"a.txt\"},{\"name\":\"rampart:file\",\"value\":\"b.txt\"}"))
    }
}
