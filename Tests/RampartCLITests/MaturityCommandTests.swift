import Foundation
@testable import RampartCLI
import RampartTestSupport
import Testing

let dsommModel = PythonOracle.packageRoot + "/../shared/dsomm/model.yaml"

/// `rampart maturity` on the bundled demo (after a pipeline run) and on Rampart's own repository,
/// with the shared DSOMM 4.3.1 model.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: dsommModel), "the DSOMM model is not in ../shared/dsomm (a clone elsewhere has no ../shared)"))
struct MaturityCommandTests {
    /// sub-dimension → (level, score), and activity name → (status, evidence count).
    func assessment(_ path: String) throws -> (levels: [String: (Int?, Double)], activities: [String: (String, Int)]) {
        let data = try #require(FileManager.default.contents(atPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var levels: [String: (Int?, Double)] = [:], activities: [String: (String, Int)] = [:]
        for sub in json["subDimensions"] as? [[String: Any]] ?? [] {
            levels[sub["name"] as? String ?? ""] = (sub["level"] as? Int, sub["score"] as? Double ?? 0)
            for activity in sub["activities"] as? [[String: Any]] ?? [] where activity["automatic"] as? Bool == true {
                activities[activity["name"] as? String ?? ""] = (activity["status"] as? String ?? "", (activity["evidence"] as? [Any])?.count ?? 0)
            }
        }
        return (levels, activities)
    }

    @Test func theDemoShowsItsPipelineAndLosesDynamicDepthWithoutItsWebStage() async throws {
        let dir = TemporaryDirectory()
        try FileManager.default.removeItem(atPath: dir.path)
        try FileManager.default.copyItem(atPath: PythonOracle.packageRoot + "/examples/demo", toPath: dir.path)
        try? FileManager.default.removeItem(atPath: dir.path + "/.rampart")
        // The history of a run (not the test stage: PipelineCommandTests starts the demo app on its port).
        #expect(await rampartWithAllScanners(["pipeline", "run", dir.path, "-q", "--stage", "commit", "--stage", "build", "--stage", "deploy"]) == 1)
        let out = dir.path + "/maturity"
        #expect(await rampartWithAllScanners(["maturity", dir.path, "--model", dsommModel, "--team", "demo", "--format", "json", "--output", out + "/before.json",
                                              "--html", out + "/maturity.html", "--dsomm", out]) == 0)
        let before = try assessment(out + "/before.json")
        #expect(before.activities.count >= 50)
        // Every activity judged implemented or partial says why.
        for (name, (status, evidence)) in before.activities where status == "implemented" || status == "partial" {
            #expect(evidence > 0, "\(name) is \(status) without evidence")
        }
        #expect(before.activities["Simple Scan"]?.0 == "implemented")
        #expect(before.activities["Static analysis for important server side components"]?.0 == "implemented")
        // The demo allows its stale offline advisories: the dependency scan is partial.
        #expect(before.activities["Software Composition Analysis (server side)"]?.0 == "partial")
        #expect(before.activities["SBOM of components"]?.0 == "implemented")
        #expect(before.activities["Test for stored secrets in code"]?.0 == "implemented")
        #expect(before.activities["Local development security checks performed"]?.0 == "implemented")
        #expect(before.activities["Defined build process"]?.0 == "implemented")
        #expect(before.levels["Static depth for applications"]?.0 != nil)
        let html = try #require(dir.read("maturity/maturity.html"))
        #expect(html.contains("<svg") && html.contains("Dynamic depth for applications") && !html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(dir.read("maturity/team-progress.yaml")?.contains("07796811-37f9-467c-9ff2-48f346e77ff3:  # Simple Scan") == true)
        #expect(dir.read("maturity/team-evidence.yaml")?.contains("reviewer: \"rampart maturity\"") == true)

        // Without the test stage, no dynamic scan: the sub-dimension's score drops.
        let pipeline = try #require(dir.read("rampart.yml"))
        let start = try #require(pipeline.range(of: "  test:\n")), end = try #require(pipeline.range(of: "  deploy:\n"))
        try dir.write("rampart.yml", String(pipeline[..<start.lowerBound] + pipeline[end.lowerBound...]))
        #expect(await rampartWithAllScanners(["maturity", dir.path, "--model", dsommModel, "--format", "json", "--output", out + "/after.json"]) == 0)
        let after = try assessment(out + "/after.json")
        #expect(after.activities["Simple Scan"]?.0 != "implemented")
        let scoreBefore = try #require(before.levels["Dynamic depth for applications"]?.1), scoreAfter = try #require(after.levels["Dynamic depth for applications"]?.1)
        #expect(scoreAfter < scoreBefore, "dynamic depth \(scoreBefore) → \(scoreAfter)")
    }

    @Test func rampartsOwnRepository() async throws {
        let dir = TemporaryDirectory()
        #expect(await rampartWithAllScanners(["maturity", PythonOracle.packageRoot, "--model", dsommModel, "--format", "json", "--output", dir.path + "/self.json"]) == 0)
        let own = try assessment(dir.path + "/self.json")
        #expect(own.activities.count >= 50)
        for (name, (status, evidence)) in own.activities where status == "implemented" || status == "partial" {
            #expect(evidence > 0, "\(name) is \(status) without evidence")
        }
        // .ci/run builds, tests and scans Rampart with itself.
        #expect(own.activities["Defined build process"]?.0 == "implemented")
        #expect(own.activities["Stylistic analysis"] != nil)
        #expect(own.levels.values.contains { $0.0 != nil })
    }

    @Test func aMissingModelIsAUsageErrorThatSaysWhereToGetIt() async {
        #expect(await rampartWithAllScanners(["maturity", PythonOracle.packageRoot, "--model", "/nonexistent/model.yaml"]) == 2)
    }
}
