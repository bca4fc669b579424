import Foundation
import RampartCore
@testable import RampartMaturity
import RampartPipeline
import RampartTestSupport
import Testing
import Yams

/// The shared copy of DSOMM 4.3.1 (GPL-3.0 / CC BY-SA): never copied into the repository.
let sharedModelPath = PythonOracle.packageRoot + "/../shared/dsomm/model.yaml"
let sharedModel: DSOMMModel? = try? DSOMMModel.load(path: sharedModelPath)

/// A model of the same shape as DSOMM's, written for these tests, with two of the UUIDs the
/// checks know and one they do not.
let tinyModel = """
    ---
    meta:
      version: 0.0-test
    ---
    Test and Verification:
      Dynamic depth for applications:
        Simple Scan:
          uuid: 07796811-37f9-467c-9ff2-48f346e77ff3
          level: 2
          measure: |-
            A simple scan, with the title spread
            over two lines.
          dependsOn:
          - f6f7737f-25a9-4317-8de2-09bf59f29b5b # Defined build process
          references:
            iso27001-2022:
            - 5.1
        Something only people judge:
          uuid: 00000000-0000-4000-8000-000000000001
          level: 1
          description: A person says.
          assessment: Show the signed-off plan.
    Build and Deployment:
      Build:
        Defined build process:
          uuid: f6f7737f-25a9-4317-8de2-09bf59f29b5b
          level: 1
          measure: CI builds it.
    ...
    """

@Suite struct DSOMMModelTests {
    @Test func readsTheModelShape() throws {
        let model = try DSOMMModel.parse(tinyModel, file: "tiny.yaml")
        #expect(model.version == "0.0-test" && model.activities.count == 3)
        let scan = try #require(model.byUUID["07796811-37f9-467c-9ff2-48f346e77ff3"])
        #expect(scan.name == "Simple Scan" && scan.level == 2 && scan.subDimension == "Dynamic depth for applications")
        #expect(scan.description == "A simple scan, with the title spread\nover two lines." && scan.dependsOn == ["f6f7737f-25a9-4317-8de2-09bf59f29b5b"])
        #expect(model.dimensions.map(\.name) == ["Test and Verification", "Build and Deployment"])
        #expect(model.byUUID["00000000-0000-4000-8000-000000000001"]?.assessment == "Show the signed-off plan.")
    }

    @Test func aMissingOrBrokenModelSaysWhereToGetIt() {
        #expect(throws: DSOMMModel.LoadError.self) { try DSOMMModel.load(path: "/nonexistent/model.yaml") }
        do {
            _ = try DSOMMModel.load(path: "/nonexistent/model.yaml")
        } catch {
            #expect(error.description.contains("DevSecOps-MaturityModel-data") && error.description.contains("--model"))
        }
        #expect(throws: DSOMMModel.LoadError.self) { try DSOMMModel.parse("a: [1, 2\n", file: "broken.yaml") }
        #expect(throws: DSOMMModel.LoadError.self) { try DSOMMModel.parse("just: text\n", file: "other.yaml") }
        #expect(throws: DSOMMModel.LoadError.self) { try DSOMMModel.parse(String(repeating: "[", count: 5000), file: "deep.yaml") }
    }

    @Test(.enabled(if: sharedModel != nil, "the DSOMM model is not in ../shared/dsomm (a clone elsewhere has no ../shared)"))
    func everyCheckIsAnActivityOfDSOMM431() throws {
        let model = try #require(sharedModel)
        #expect(model.version == "4.3.1" && model.activities.count == 194)
        #expect(model.dimensions.count == 5 && model.dimensions.flatMap(\.subDimensions).count == 19)
        #expect(Set(model.activities.map(\.uuid)).count == 194)
        #expect(MaturityChecks.all.count >= 50)
        #expect(Set(MaturityChecks.all.map(\.uuid)).count == MaturityChecks.all.count, "one check per activity")
        for check in MaturityChecks.all {
            #expect(model.byUUID[check.uuid]?.name == check.name, "\(check.uuid) \(check.name)")
        }
        // The four the seed practice names are covered, each with several activities.
        for name in ["Static depth for applications", "Dynamic depth for applications", "Test Intensity", "Consolidation"] {
            let uuids = Set(model.activities.filter { $0.subDimension == name }.map(\.uuid))
            #expect(MaturityChecks.all.count { uuids.contains($0.uuid) } >= 4, "\(name)")
        }
    }
}

@Suite struct EvidenceRuleTests {
    func evidence(pipeline yaml: String?, ci: [String: String] = [:], files: [String] = []) throws -> Evidence {
        var evidence = Evidence(root: "/repo", ci: ci.map { TextFile(path: $0.key, text: $0.value) }, files: files + ci.keys.sorted())
        if let yaml { evidence.pipeline = try PipelineLoader.parse(yaml: yaml, file: "rampart.yml") }
        return evidence
    }

    func assess(_ uuid: String, _ evidence: Evidence) throws -> Assessment {
        try #require(MaturityChecks.all.first { $0.uuid == uuid }).assess(evidence)
    }

    static let simpleScan = "07796811-37f9-467c-9ff2-48f346e77ff3"
    static let highGate = "44f2c8a9-4aaa-4c72-942d-63f78b89f385"
    static let pinning = "f3c4971e-9f4d-4e59-8ed0-f0bdb6262477"

    @Test func aWebScanCountsOnlyWhenCIRunsItsStage() throws {
        let pipeline = "stages:\n  commit:\n    activities: [sast]\n  test:\n    activities:\n      - web: {target: \"http://127.0.0.1:8000/\"}\n"
        let all = try assess(Self.simpleScan, evidence(pipeline: pipeline, ci: [".github/workflows/ci.yml": "on: [push]\njobs:\n  a:\n    steps:\n      - run: rampart pipeline run\n"]))
        #expect(all.status == .implemented)
        #expect(all.proofs.map(\.display) == ["rampart.yml:6: web activity 'web' in the test stage", ".github/workflows/ci.yml:5: - run: rampart pipeline run"])
        let commitOnly = try assess(Self.simpleScan, evidence(pipeline: pipeline, ci: [".gitlab-ci.yml": "sec:\n  script:\n    - rampart pipeline run --stage commit\n"]))
        #expect(commitOnly.status == .partial)
        let none = try assess(Self.simpleScan, evidence(pipeline: "stages:\n  commit:\n    activities: [sast]\n"))
        #expect(none.status == .notImplemented && none.note?.contains("web") == true)
        // A commented-out line in CI is not a run.
        let commented = try assess(Self.simpleScan, evidence(pipeline: pipeline, ci: [".github/workflows/ci.yml": "# - run: rampart pipeline run\n"]))
        #expect(commented.status == .partial)
    }

    @Test func highFindingsMustGateEveryStageAndTheCIMustEnforce() throws {
        let ci = [".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    steps:\n      - run: rampart pipeline run\n"]
        let defaults = try assess(Self.highGate, evidence(pipeline: "stages:\n  commit:\n    activities: [sast]\n", ci: ci))
        #expect(defaults.status == .implemented && defaults.proofs.first?.text.contains("default gate") == true)
        let weak = try assess(Self.highGate, evidence(pipeline: "stages:\n  commit:\n    activities: [sast]\n    gates:\n      - {severity: critical}\n", ci: ci))
        #expect(weak.status == .notImplemented && weak.note?.contains("commit") == true)
        let ignored = try assess(Self.highGate, evidence(pipeline: "stages:\n  commit:\n    activities: [sast]\n", ci: [".github/workflows/ci.yml": "      - run: rampart pipeline run\n        continue-on-error: true\n"]))
        #expect(ignored.status == .partial && ignored.note?.contains("ignores") == true)
    }

    @Test func pinningNamesWhatIsNotPinned() throws {
        var evidence = try evidence(pipeline: nil)
        let dir = TemporaryDirectory()
        try dir.write("Dockerfile", "FROM python:3.12@sha256:\(String(repeating: "a", count: 64)) AS build\nFROM build\nFROM debian:12\n")
        try dir.write("requirements.txt", "flask==3.0.0\nrequests>=2\n# comment\n-r other.txt\n")
        try dir.write(".github/workflows/ci.yml", "    - uses: actions/checkout@v4\n    - uses: actions/setup-python@\(String(repeating: "b", count: 40))\n    - uses: ./local\n")
        evidence.root = dir.path
        evidence.files = ["Dockerfile", "requirements.txt", ".github/workflows/ci.yml"]
        let result = try assess(Self.pinning, evidence)
        #expect(result.status == .partial)
        #expect(Set(result.proofs.map(\.display)) == ["Dockerfile:3: FROM debian:12", "requirements.txt:2: requests>=2", ".github/workflows/ci.yml:1: - uses: actions/checkout@v4"])
    }

    @Test func hostileRepositoriesAreReadWithoutHangingOrCrashing() throws {
        let dir = TemporaryDirectory()
        try dir.symlink("loop", to: dir.path)
        try dir.write("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/deep.py", "x = 1\n")
        try dir.write("rampart.yml", "stages: [not, a, mapping\n")
        try dir.write(".github/workflows/bin.yml", bytes: [0xFF, 0x00, 0xFE, 0x80] + Array(repeating: 0x41, count: 10))
        try dir.write(".rampart/findings.db", "not a database")
        let evidence = Evidence.collect(root: dir.path)
        #expect(evidence.pipelineError != nil && evidence.pipeline == nil)
        #expect(!evidence.files.contains { $0.hasPrefix("loop/") } && !evidence.files.contains { $0.hasSuffix("deep.py") })
        #expect(evidence.ci.count == 1 && evidence.history.isEmpty)
        for check in MaturityChecks.all { _ = check.assess(evidence) }
    }
}

@Suite struct DSOMMAppFilesTests {
    func report() throws -> MaturityReport {
        let model = try DSOMMModel.parse(tinyModel, file: "tiny.yaml")
        var evidence = Evidence(root: "/repo", ci: [TextFile(path: ".github/workflows/ci.yml", text: "on: push\n  - run: rampart pipeline run\n")],
                                now: Date(timeIntervalSince1970: 1_790_000_000))
        evidence.files = [".github/workflows/ci.yml"]
        evidence.pipeline = try PipelineLoader.parse(yaml: "stages:\n  test:\n    activities:\n      - web: {target: \"http://127.0.0.1:1/\"}\n", file: "rampart.yml")
        return MaturityReport.assess(model: model, evidence: evidence, team: "Team 'A'")
    }

    @Test func progressAndEvidenceLoadAsTheAppReadsThem() throws {
        let report = try report()
        #expect(report.entries.filter(\.automatic).map(\.assessment.status) == [.implemented, .implemented])
        #expect(report.unknownChecks.count == MaturityChecks.all.count - 2)
        let progress = DSOMMAppFiles.progress(report)
        let root = try #require(try Yams.load(yaml: progress) as? [String: Any])
        let scan = try #require((root["progress"] as? [String: Any])?["07796811-37f9-467c-9ff2-48f346e77ff3"] as? [String: Any])
        let states = try #require(scan["Team 'A'"] as? [String: Any])
        #expect(Set(states.keys) == ["Started", "Implemented"])
        // Dates are YAML dates (unquoted), as the app needs them.
        #expect(states["Implemented"] is Date)
        // The activity only people judge is not in the file.
        #expect(!progress.contains("00000000-0000-4000-8000-000000000001"))
        // A date already in the file is kept.
        let earlier = progress.replacingOccurrences(of: UTCDate.day(report.date), with: "2025-01-02")
        #expect(DSOMMAppFiles.progress(report, previous: earlier).contains("\"Implemented\": 2025-01-02"))

        let evidence = DSOMMAppFiles.evidence(report, links: ["https://ci.example/run/7"])
        let entries = try #require((try Yams.load(yaml: evidence) as? [String: Any])?["evidence"] as? [String: [[String: Any]]])
        let entry = try #require(entries["07796811-37f9-467c-9ff2-48f346e77ff3"]?.first)
        #expect(entry["teams"] as? [String] == ["Team 'A'"] && (entry["description"] as? String)?.contains("rampart.yml:4") == true)
        #expect(((entry["attachment"] as? [[String: Any]])?.first?["externalLink"] as? String) == "https://ci.example/run/7")
        #expect(entry["id"] as? String == DSOMMAppFiles.evidence(report).split(separator: "\n").first { $0.contains("id: ") }.map { String($0.split(separator: " ").last ?? "") })
    }

    @Test func statesComeFromTheAppsMetaFile() throws {
        let dir = TemporaryDirectory()
        try dir.write("meta.yaml", "teamProgressFile: team-progress.yaml\nprogressDefinition:\n  Not implemented: {score: 0%, definition: no}\n  Started: {score: 20%}\n  Partly implemented: {score: 50%}\n  Fully implemented: {score: 100%}\n")
        let states = try DSOMMAppFiles.states(meta: dir.path + "/meta.yaml")
        #expect(states.titles.map(\.title) == ["Started", "Partly implemented", "Fully implemented"])
        #expect(states.titles(for: .partial) == ["Started", "Partly implemented"] && states.titles(for: .implemented).count == 3)
        try dir.write("flat.yaml", "progressDefinition:\n  Backlog: 0%\n  Started: 30%\n  Implemented: 100%\n")
        #expect(try DSOMMAppFiles.states(meta: dir.path + "/flat.yaml").titles.map(\.title) == ["Started", "Implemented"])
        try dir.write("bad.yaml", "progressDefinition:\n  Started: 30%\n")
        #expect(throws: DSOMMAppFiles.Failure.self) { try DSOMMAppFiles.states(meta: dir.path + "/bad.yaml") }
    }
}
