import Foundation
import RampartCore
@testable import RampartPipeline
import RampartTestSupport
import Testing

/// rampart.yml: its reading (errors with lines), gates, the runner's order, concurrency, budgets
/// and exit codes, with an executor that stands in for the scanners.
@Suite struct PipelineLoaderTests {
    static let example = """
    version: 1
    budget: 120
    reports:
      - {format: sarif, output: reports/rampart.sarif}
    stages:
      test:
        activities:
          - web: {target: "http://127.0.0.1:5000/", budget: 30}
      commit:
        activities:
          - sast: {paths: [src]}
          - secrets: {source: staged, name: staged-secrets}
        gates:
          - name: no new high findings
            severity: high
          - {activities: [staged-secrets], severity: info}
    """

    @Test func readsStagesInDeliveryOrder() throws {
        let pipeline = try PipelineLoader.parse(yaml: Self.example, file: "rampart.yml")
        #expect(pipeline.stages.map(\.name) == [.commit, .test])
        #expect(pipeline.budget == .seconds(120))
        #expect(pipeline.reports == [Pipeline.Report(format: "sarif", output: "reports/rampart.sarif")])
        let commit = try #require(pipeline.stages.first)
        #expect(commit.activities.map(\.id) == ["sast", "staged-secrets"])
        #expect(commit.activities[0].paths == ["src"])
        #expect(commit.gates.map(\.name) == ["no new high findings", "no finding of severity info or above from staged-secrets"])
        #expect(commit.gates[1].severity == .info && commit.gates[1].activities == ["staged-secrets"])
        let web = try #require(pipeline.stages.last?.activities.first)
        #expect(web.kind == .web && web.budget == .seconds(30))
        // The settings left for the scanner keep their lines.
        guard case .mapping(let entries, _) = web.settings else { Issue.record("settings"); return }
        #expect(entries.map(\.key) == ["target"] && entries[0].keyPosition.line == 8)
    }

    @Test func mistakesNameTheLine() {
        let cases: [(String, String)] = [
            ("stages:\n  release:\n    activities: [sast]\n", "2:"),
            ("stages:\n  commit:\n    activities: [lint]\n", "unknown activity 'lint'"),
            ("stages:\n  commit:\n    activities: []\n", "no activities"),
            ("stages:\n  commit:\n    activities: [sast]\n    gates:\n      - {severity: loud}\n", "severity"),
            ("stages:\n  commit:\n    activities: [sast]\n    gates:\n      - {activities: [web]}\n", "not an activity of the commit stage"),
            ("stages:\n  commit:\n    activities: [sast, sast]\n", "a second activity named 'sast'"),
            ("budget: -5\nstages:\n  commit:\n    activities: [sast]\n", "budget"),
            ("colour: blue\nstages:\n  commit:\n    activities: [sast]\n", "unknown key"),
            ("version: 2\nstages:\n  commit:\n    activities: [sast]\n", "version 1"),
            ("budget: 10\n", "at least one stage"),
            ("stages: [commit]\n", "stages"),
            ("stages:\n  commit:\n    activities:\n      - {sast: {}, secrets: {}}\n", "an activity is its kind"),
            (":\n  - [", "YAML"),
        ]
        for (yaml, fragment) in cases {
            do {
                _ = try PipelineLoader.parse(yaml: yaml, file: "rampart.yml")
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect(error.description.contains(fragment), "\(yaml) → \(error)")
                #expect(error.description.hasPrefix("rampart.yml:"), "\(error)")
            }
        }
    }
}

@Suite struct GateTests {
    static func finding(_ rule: RuleID, _ severity: Severity, confidence: Confidence = .high, suppressed: Bool = false, fixed: [String]? = nil) -> Finding {
        var finding = Finding(ruleId: rule, scanner: rule.scanner, title: "t", message: "m", severity: severity, confidence: confidence, location: .source(SourceLocation(path: "a.py", line: 1)))
        if suppressed { finding.suppression = Suppression(kind: .inline, reason: "ok") }
        if let fixed { finding.component = Component(name: "pkg", version: "1.0", ecosystem: "PyPI", fixedVersions: fixed) }
        return finding
    }

    @Test func countsOnlyWhatMatches() {
        let findings: [String: [Finding]] = [
            "sast": [Self.finding("python/B602", .high), Self.finding("python/B101", .low), Self.finding("python/B602", .critical, suppressed: true)],
            "deps": [Self.finding("deps/PYSEC-1", .critical, fixed: ["2.0"]), Self.finding("deps/PYSEC-2", .critical, fixed: [])],
        ]
        #expect(Gate(name: "high", severity: .high).evaluate(findings).count == 3)
        #expect(Gate(name: "sast high", severity: .high, activities: ["sast"]).evaluate(findings).count == 1)
        #expect(Gate(name: "any", severity: .info, activities: ["sast"]).evaluate(findings).count == 2)
        #expect(Gate(name: "rule", severity: .info, rules: ["python/B101"]).evaluate(findings).count == 1)
        #expect(Gate(name: "fixable", severity: .critical, activities: ["deps"], fixableOnly: true).evaluate(findings).count == 1)
        #expect(Gate(name: "tolerant", severity: .high, max: 3).evaluate(findings).passed)
        #expect(!Gate(name: "strict", severity: .high, max: 2).evaluate(findings).passed)
        #expect(Gate(name: "confident", severity: .low, confidence: .high).evaluate(["x": [Self.finding("python/B1", .high, confidence: .low)]]).passed)
    }

    /// "No dependency with a fixed critical vulnerability older than 30 days".
    @Test func olderThanDaysCountsAdvisoriesPublishedLongEnoughAgo() throws {
        func advisory(_ published: String?) -> Finding {
            var finding = Self.finding("deps/GHSA-1", .critical, fixed: ["2.0"])
            finding.component?.advisoryPublished = published
            return finding
        }
        let gate = Gate(name: "month", severity: .critical, activities: ["deps"], fixableOnly: true, olderThanDays: 30)
        let findings = ["deps": [advisory("2026-10-01"), advisory("2026-11-15"), advisory(nil), advisory("not a date")]]
        #expect(gate.evaluate(findings, today: "2026-11-30").count == 1)
        #expect(gate.evaluate(findings, today: "2026-12-31").count == 2)
        #expect(Gate.days(from: "2024-02-28", to: "2024-03-01") == 2)
        let pipeline = try PipelineLoader.parse(yaml: "stages:\n  build:\n    activities: [deps]\n    gates:\n      - {severity: critical, fixable: true, older_than_days: 30}\n", file: "p.yml")
        #expect(pipeline.stages.first?.gates.first?.olderThanDays == 30)
        #expect(throws: ConfigurationError.self) { try PipelineLoader.parse(yaml: "stages:\n  build:\n    activities: [deps]\n    gates:\n      - {older_than_days: -1}\n", file: "p.yml") }
    }
}

/// Stands in for the scanners: each activity "finds" what `planted` says, after `delay`.
struct FakeExecutor: ActivityExecutor {
    var planted: [String: [Finding]] = [:]
    var delay: Duration = .milliseconds(300)
    var failing: Set<String> = []
    let log = Locked<[String]>([])

    func validate(_ activity: Activity) throws(ConfigurationError) {}
    func describe(_ activity: Activity) -> String { "fake \(activity.kind.rawValue)" }
    func estimate(_ activity: Activity) -> Duration { .seconds(2) }

    func run(_ activity: Activity, budget: Duration, progress: @escaping @Sendable (String) -> Void) async -> ActivityResult {
        log.withLock { $0.append("start \(activity.id)") }
        try? await Task.sleep(for: min(delay, budget))
        log.withLock { $0.append("end \(activity.id)") }
        if failing.contains(activity.id) { return ActivityResult(activityID: activity.id, kind: activity.kind, failure: "boom") }
        let report = ScanReport(toolVersion: "test", target: .init(path: "."), findings: planted[activity.id] ?? [], diagnostics: [], rules: [], scanners: [],
                                files: 1, baselined: 0, belowThreshold: 0, startTime: Date(), durationMs: 0)
        return ActivityResult(activityID: activity.id, kind: activity.kind, report: report)
    }
}

@Suite struct PipelineRunnerTests {
    static let yaml = """
    stages:
      build:
        activities: [deps]
        gates:
          - {severity: critical, activities: [deps]}
      commit:
        activities: [sast, secrets]
        gates:
          - {name: no new high findings, severity: high}
    """

    @Test func stagesInOrderActivitiesAtOnceGatesPerStage() async throws {
        let pipeline = try PipelineLoader.parse(yaml: Self.yaml, file: "rampart.yml")
        let executor = FakeExecutor(planted: ["sast": [GateTests.finding("python/B602", .high)], "deps": [GateTests.finding("deps/X", .high)]])
        let result = await PipelineRunner(executor: executor).run(pipeline)
        let log = executor.log.withLock { $0 }
        // sast and secrets overlap (both start before either ends); deps starts after both ended.
        #expect(Array(log.prefix(2)).sorted() == ["start sast", "start secrets"])
        #expect(log.last == "end deps" && log.firstIndex(of: "start deps") == 4)
        #expect(result.stages.map(\.stage) == [.commit, .build])
        #expect(!result.stages[0].passed && result.stages[1].passed, "a high deps finding does not break a critical gate")
        #expect(result.exitCode == 1)
        let summary = PipelineSummary.render(result, budget: pipeline.budget)
        #expect(summary.contains("gate [commit] no new high findings: FAIL (1 > 0)"))
        #expect(summary.contains("Pipeline: FAILED by 1 of 2 gates"))
        let sastRow = try #require(summary.split(separator: "\n").first { $0.hasPrefix("commit") && $0.contains("sast") })
        #expect(sastRow.contains("FAIL"))
    }

    @Test func onlyTheChosenStagesAndTheDefaultGate() async throws {
        let pipeline = try PipelineLoader.parse(yaml: "stages:\n  commit:\n    activities: [sast]\n  build:\n    activities: [deps]\n", file: "rampart.yml")
        let clean = await PipelineRunner(executor: FakeExecutor(delay: .zero)).run(pipeline, only: [.build])
        #expect(clean.stages.map(\.stage) == [.build] && clean.exitCode == 0)
        let dirty = await PipelineRunner(executor: FakeExecutor(planted: ["sast": [GateTests.finding("python/B1", .high)]], delay: .zero)).run(pipeline)
        #expect(dirty.exitCode == 1 && dirty.stages[0].gates.first?.gate.name == PipelineRunner.defaultGate.name)
    }

    /// Bandit's report imported next to Rampart's own SAST: the flaw both saw counts once.
    @Test func aFlawSeenByAnImportedReportAndRampartCountsOnce() async throws {
        let pipeline = try PipelineLoader.parse(yaml: "stages:\n  commit:\n    activities:\n      - sast\n      - external: {tool: bandit}\n    gates:\n      - {severity: high, max: 1}\n", file: "rampart.yml")
        let own = GateTests.finding("python/B602", .high)
        let bandit = GateTests.finding("bandit/B602", .high), elsewhere = GateTests.finding("bandit/B608", .high)
        let same = await PipelineRunner(executor: FakeExecutor(planted: ["sast": [own], "external": [bandit]], delay: .zero)).run(pipeline)
        #expect(same.stages[0].gates[0].count == 1 && same.exitCode == 0)
        let row = PipelineSummary.render(same, budget: .seconds(60)).split(separator: "\n").first { $0.hasPrefix("commit  external") }
        #expect(row?.contains("1 also found by Rampart") == true && row?.contains("pass") == true)
        let more = await PipelineRunner(executor: FakeExecutor(planted: ["sast": [own], "external": [bandit, elsewhere]], delay: .zero)).run(pipeline)
        #expect(more.stages[0].gates[0].count == 2 && more.exitCode == 1)
    }

    @Test func failuresAndTheBudget() async throws {
        let failing = await PipelineRunner(executor: FakeExecutor(delay: .zero, failing: ["sast"])).run(try PipelineLoader.parse(yaml: Self.yaml, file: "f"))
        #expect(failing.exitCode == 3 && failing.failures.map(\.activityID) == ["sast"])
        #expect(PipelineSummary.render(failing, budget: .seconds(600)).contains("Pipeline: ERROR, sast: boom"))
        // A 0.5 s pipeline whose first stage takes 0.6 s: the second stage is not run.
        let tight = try PipelineLoader.parse(yaml: "budget: 0.5\n" + Self.yaml, file: "f")
        let late = await PipelineRunner(executor: FakeExecutor(delay: .milliseconds(600))).run(tight)
        #expect(late.outOfTime && late.exitCode == 3)
        #expect(late.stages[1].activities.allSatisfy { $0.failure?.contains("ran out") == true })
    }

    @Test func planSaysWhatWouldRun() throws {
        let pipeline = try PipelineLoader.parse(yaml: Self.yaml, file: "rampart.yml")
        let plan = PipelineSummary.plan(pipeline, executor: FakeExecutor())
        #expect(plan.contains("fake sast") && plan.contains("fake deps"))
        // Two stages, activities of a stage at once: 2 s + 2 s.
        #expect(plan.contains("Estimated: 4.0 s of a 600 s budget"), "\(plan)")
    }
}
