import Foundation
import RampartCore
@testable import RampartDeps
import RampartEngine
import RampartTestSupport
import Testing

func scanDeps(_ root: String, options: DepsOptions) async throws -> ScanReport {
    var configuration = Configuration()
    configuration.timeout = 120
    return try await ScanEngine(toolVersion: "test").run(.init(root: root, configuration: configuration, scanners: [DepsScanner(options: options)]))
}

let demoAdvisories = PythonOracle.packageRoot + "/examples/demo/advisories/osv-sample.json"
let sharedSnapshot = PythonOracle.packageRoot + "/../shared/advisories/pypi-osv.json"

@Suite struct DepsScannerTests {
    @Test func demoPinsAgainstTheCommittedSample() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "flask==0.12.2\nrequests==2.19.1\nPyYAML==5.3\nJinja2==2.10\nclick>=7\n")
        var options = DepsOptions()
        options.advisoriesPath = demoAdvisories
        options.allowStale = true
        let report = try await scanDeps(dir.path, options: options)
        let vulnerable = report.findings.filter { $0.ruleId.code != "unpinned-requirement" }
        #expect(Set(vulnerable.compactMap { $0.component?.name }) == ["flask", "requests", "pyyaml", "jinja2"])
        #expect(vulnerable.allSatisfy { $0.ruleId.code.hasPrefix("PYSEC-") || $0.ruleId.code.hasPrefix("GHSA-") })
        #expect(vulnerable.first { $0.component?.name == "pyyaml" }?.component?.fixedVersions.first.map { PackageVersion($0) > PackageVersion("5.3") } == true)
        // Each vulnerability says when its advisory was published (gates on how long a fix is known).
        #expect(vulnerable.allSatisfy { ($0.component?.advisoryPublished?.count ?? 0) == 10 && $0.component?.advisoryPublished?.hasPrefix("20") == true })
        let unpinned = report.findings.filter { $0.ruleId.code == "unpinned-requirement" }
        #expect(unpinned.map(\.message) == ["click is not pinned: it allows >=7"])
        #expect(report.diagnostics.contains { $0.code == "stale-advisories" && $0.level == .warning })
        #expect(!report.hasFailures)
    }

    @Test func failsClosedWithoutAdvisoriesOrWhenStale() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "flask==0.12.2\n")
        var options = DepsOptions()
        options.databasePath = dir.path + "/no-such.sqlite"
        let missing = try await scanDeps(dir.path, options: options)
        #expect(missing.findings.isEmpty)
        #expect(missing.diagnostics.contains { $0.code == "no-advisories" && $0.level == .error })
        #expect(missing.exitCode == 3)

        options.advisoriesPath = demoAdvisories
        let stale = try await scanDeps(dir.path, options: options)
        #expect(stale.diagnostics.contains { $0.code == "stale-advisories" && $0.level == .error })
        #expect(stale.exitCode == 3)
    }

    /// Inputs that could hide a vulnerability fail closed at once: an advisory file with no
    /// readable date is of unknown age, a FIFO where the database is expected is refused.
    @Test func unknownAgesAndFIFOsAreErrors() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "flask==0.12.2\n")
        try dir.write("osv.json", "[{\"id\": \"OSV-TEST-1\", \"modified\": \"not a date\", \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"flask\"}, \"versions\": [\"0.12.2\"]}]}]")
        var options = DepsOptions()
        options.advisoriesPath = dir.path + "/osv.json"
        let undated = try await scanDeps(dir.path, options: options)
        #expect(undated.diagnostics.contains { $0.code == "stale-advisories" && $0.level == .error && $0.message.contains("unknown age") })
        #expect(undated.exitCode == 3)
        #expect(mkfifo(dir.path + "/fifo.sqlite", 0o600) == 0)
        options.advisoriesPath = nil
        options.databasePath = dir.path + "/fifo.sqlite"
        let fifo = try await scanDeps(dir.path, options: options)
        #expect(fifo.diagnostics.contains { $0.code == "no-advisories" && $0.message.contains("not a regular file") })
        #expect(fifo.exitCode == 3)
        options.databasePath = AdvisoryDatabase.defaultPath
        options.advisoriesPath = dir.path + "/fifo.sqlite"
        #expect(try await scanDeps(dir.path, options: options).exitCode == 3)
    }

    /// `fixed: "2019-09-12"` (real OSV data) would sort below every release and hide the
    /// advisory: such a bound ends nothing, the version is reported, and a warning says why.
    @Test func aRangeBoundThatIsNotAVersionHidesNothing() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "thing==1.4\n")
        try dir.write("osv.json", """
            [{"id": "OSV-TEST-2", "modified": "2026-12-01T00:00:00Z", "affected": [{"package": {"ecosystem": "PyPI", "name": "thing"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2019-09-12"}]}]}]}]
            """)
        var options = DepsOptions()
        options.advisoriesPath = dir.path + "/osv.json"
        options.allowStale = true
        let report = try await scanDeps(dir.path, options: options)
        #expect(report.findings.contains { $0.ruleId.code == "OSV-TEST-2" })
        #expect(report.diagnostics.contains { $0.code == "advisory-range" && $0.message.contains("2019-09-12") })
    }

    @Test func uncheckablePackagesFailUnlessAllowed() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "git+https://example.org/repo.git#egg=thing\n-r gone.txt\n")
        var options = DepsOptions()
        options.advisoriesPath = demoAdvisories
        options.allowStale = true
        let strict = try await scanDeps(dir.path, options: options)
        #expect(strict.diagnostics.contains { $0.code == "unchecked-packages" && $0.level == .error })
        #expect(strict.diagnostics.contains { $0.code == "missing-include" && $0.level == .error })
        options.allowSkips = true
        let lenient = try await scanDeps(dir.path, options: options)
        #expect(!lenient.hasFailures)
    }

    @Test func databaseImportAndStatus() throws {
        let dir = TemporaryDirectory()
        let records = try OSVLoader.load(path: demoAdvisories)
        let database = try AdvisoryDatabase(path: dir.path + "/db/osv.sqlite", create: true)
        #expect(try database.replace(with: records, source: "sample") == records.count)
        let status = try AdvisoryDatabase(path: dir.path + "/db/osv.sqlite").status()
        #expect(status.records == records.count && status.source == "sample" && status.packages == 4)
        #expect(try database.records(for: ["pyyaml"])["pyyaml"]?.isEmpty == false)
    }
}

/// With PyPA's snapshot (in ../shared) imported, known-vulnerable pins report exactly the
/// advisories an independent evaluation of the OSV records (Python, `packaging`) says affect
/// them, and current versions report none.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: sharedSnapshot) && packagingPython != nil,
                "needs ../shared/advisories/pypi-osv.json and a Python with `packaging`"))
struct SnapshotAcceptanceTests {
    static let script = #"""
    import json, sys
    from packaging.version import Version, InvalidVersion
    records = json.load(open(sys.argv[1]))
    pins = json.loads(sys.argv[2])
    def key(s):
        try: return (1, Version(s))
        except InvalidVersion: return (0, s)
    def norm(n): return n.lower().replace("_", "-").replace(".", "-")
    def in_range(v, events):
        def evkey(e):
            x = e.get("introduced") or e.get("fixed") or e.get("last_affected")
            return (0,) if x == "0" else (1, key(x))
        vulnerable = False
        for e in sorted([e for e in events if "limit" not in e], key=evkey):
            if "introduced" in e and (e["introduced"] == "0" or key(e["introduced"]) <= v): vulnerable = True
            elif "fixed" in e and key(e["fixed"]) <= v: vulnerable = False
            elif "last_affected" in e and key(e["last_affected"]) < v: vulnerable = False
        return vulnerable
    out = {}
    for name, version in pins.items():
        v = key(version)
        hits = set()
        for r in records:
            if r.get("withdrawn"): continue
            for a in r.get("affected", []):
                if a["package"]["ecosystem"] != "PyPI" or norm(a["package"]["name"]) != name: continue
                listed = any(key(x) == v for x in a.get("versions", []))
                ranged = any(in_range(v, rg["events"]) for rg in a.get("ranges", []) if rg["type"] == "ECOSYSTEM")
                if listed or ranged: hits.add(r["id"])
        out[name] = sorted(hits)
    json.dump(out, sys.stdout)
    """#

    static let vulnerablePins = ["django": "2.2.0", "flask": "0.12", "requests": "2.19.0", "pyyaml": "5.3", "jinja2": "2.10", "urllib3": "1.24.1"]
    static let currentPins = ["django": "5.1.2", "flask": "3.0.3", "requests": "2.32.3", "pyyaml": "6.0.2", "jinja2": "3.1.4", "urllib3": "2.2.3"]

    @Test func knownVulnerablePinsMatchAnIndependentEvaluation() async throws {
        let dir = TemporaryDirectory()
        try dir.write("oracle.py", Self.script)
        // Expected advisories, per package, for both sets of pins.
        func oracle(_ set: [String: String]) async throws -> [String: [String]] {
            let json = String(decoding: try JSONSerialization.data(withJSONObject: set), as: UTF8.self)
            let result = try await dir.runDetached(try #require(packagingPython), ["oracle.py", sharedSnapshot, json])
            try #require(result.status == 0, "\(result.errors)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String]])
        }
        let expectedVulnerable = try await oracle(Self.vulnerablePins)
        let expectedCurrent = try await oracle(Self.currentPins)

        let database = dir.path + "/osv.sqlite"
        try AdvisoryDatabase(path: database, create: true).replace(with: try OSVLoader.load(path: sharedSnapshot), source: "snapshot")
        for (pins, expected) in [(Self.vulnerablePins, expectedVulnerable), (Self.currentPins, expectedCurrent)] {
            let project = TemporaryDirectory()
            try project.write("requirements.txt", pins.sorted { $0.key < $1.key }.map { "\($0.key)==\($0.value)" }.joined(separator: "\n") + "\n")
            var options = DepsOptions()
            options.databasePath = database
            let report = try await scanDeps(project.path, options: options)
            #expect(!report.hasFailures, "\(report.diagnostics)")
            for (name, ids) in expected {
                // Rampart reports one finding per vulnerability; its aliases name the merged records.
                let found = report.findings.filter { $0.component?.name == name }
                let covered = Set(found.flatMap { [$0.ruleId.code] + $0.tags })
                #expect(Set(ids).isSubset(of: covered), "\(name) \(pins[name] ?? ""): expected \(ids), found \(found.map(\.ruleId.code))")
                #expect(found.count <= ids.count)
                #expect(found.isEmpty == ids.isEmpty)
            }
        }
        #expect(expectedVulnerable.values.allSatisfy { !$0.isEmpty }, "every vulnerable pin has advisories")
        #expect(expectedCurrent.values.allSatisfy { $0.isEmpty }, "current versions have none in the snapshot")
    }
}

@Suite struct ResolveRangesTests {
    @Test func rangesAreMatchedOnlyWhenAsked() async throws {
        let dir = TemporaryDirectory()
        try dir.write("requirements.txt", "pyyaml>=5.0,<6\njinja2>=3\n")
        var options = DepsOptions()
        options.advisoriesPath = demoAdvisories
        options.allowStale = true
        let plain = try await scanDeps(dir.path, options: options)
        #expect(plain.findings.allSatisfy { $0.ruleId.code == "unpinned-requirement" })
        options.resolveRanges = true
        let resolved = try await scanDeps(dir.path, options: options)
        let ranged = resolved.findings.filter { $0.tags.contains("range") }
        #expect(!ranged.isEmpty && ranged.allSatisfy { $0.component?.name == "pyyaml" && $0.confidence == .medium })
        #expect(ranged.allSatisfy { $0.message.contains("up to 5.") })
    }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") && packagingPython != nil, "needs unzip and python3"))
struct OSVZipImportTests {
    /// OSV's `all.zip` layout: one JSON record per file.
    @Test func importsTheOSVExportZip() async throws {
        let dir = TemporaryDirectory()
        let script = "import json, sys, zipfile\nrecords = json.load(open(sys.argv[1]))\nwith zipfile.ZipFile(sys.argv[2], 'w') as z:\n    for r in records: z.writestr(r['id'] + '.json', json.dumps(r))"
        let made = try await dir.runDetached(try #require(packagingPython), ["-c", script, demoAdvisories, dir.absolute("all.zip")])
        try #require(made.status == 0, "\(made.errors)")
        let records = try OSVLoader.load(path: dir.absolute("all.zip"))
        #expect(records.count == (try OSVLoader.load(path: demoAdvisories)).count)
    }
}
