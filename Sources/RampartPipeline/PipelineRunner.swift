import Foundation
import RampartCore

/// Runs an activity: the CLI maps each kind to its scanner or tool. Kept behind a protocol so
/// the pipeline depends on no scanner and tests drive it with their own.
public protocol ActivityExecutor: Sendable {
    /// Checks the activity's own settings before anything runs; errors name the line.
    func validate(_ activity: Activity) throws(ConfigurationError)
    /// What the activity would do, in a line (`pipeline plan`).
    func describe(_ activity: Activity) -> String
    /// How long it should take, from the size of what it reads.
    func estimate(_ activity: Activity) -> Duration
    /// Runs it within `budget`; `progress` gets short status lines.
    func run(_ activity: Activity, budget: Duration, progress: @escaping @Sendable (String) -> Void) async -> ActivityResult
}

public struct ActivityResult: Sendable {
    public var activityID: String
    public var kind: Activity.Kind
    /// The findings, diagnostics and timings (nil when the activity produces only files).
    public var report: ScanReport?
    /// Files written (an SBOM, a playbook, reports).
    public var artifacts: [String]
    /// Why it could not run or did not finish; the pipeline then exits 3.
    public var failure: String?
    /// What was read, when it matters: `incremental since origin/main: 4 files`.
    public var note: String?
    public var duration: Duration

    public init(activityID: String, kind: Activity.Kind, report: ScanReport? = nil, artifacts: [String] = [], failure: String? = nil, note: String? = nil, duration: Duration = .zero) {
        self.activityID = activityID
        self.kind = kind
        self.report = report
        self.artifacts = artifacts
        self.failure = failure
        self.note = note
        self.duration = duration
    }

    public var findings: [Finding] { report?.findings ?? [] }
}

public struct StageResult: Sendable {
    public var stage: Pipeline.StageName
    public var activities: [ActivityResult]
    public var gates: [Gate.Outcome]
    public var passed: Bool { gates.allSatisfy(\.passed) }

    /// The findings of `activity` that some gate of the stage counts (new, not suppressed,
    /// severe enough): the ones that become tasks.
    public func gatingFindings(of activity: ActivityResult) -> [Finding] {
        activity.findings.filter { finding in gates.contains { $0.gate.counts(finding, activity: activity.activityID) } }
    }
}

public struct PipelineResult: Sendable {
    public var stages: [StageResult]
    public var duration: Duration
    /// The pipeline's budget ran out before every activity had run.
    public var outOfTime: Bool

    public var failures: [ActivityResult] { stages.flatMap(\.activities).filter { $0.failure != nil } }
    public var gatesPassed: Bool { stages.allSatisfy(\.passed) }

    /// 3 when an activity failed or time ran out, 1 when a gate failed, 0 otherwise.
    public var exitCode: Int32 {
        if outOfTime || !failures.isEmpty { return 3 }
        return gatesPassed ? 0 : 1
    }
}

/// Runs the stages in delivery order; within a stage the activities run at once (they read the
/// same repository and write nothing the others read). Each activity gets its own budget,
/// capped by what is left of the pipeline's; gates are judged per stage on its findings.
public struct PipelineRunner: Sendable {
    public let executor: any ActivityExecutor
    /// Status lines (`[commit] sast: done in 0.4 s`).
    public var progress: @Sendable (String) -> Void

    public init(executor: any ActivityExecutor, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.executor = executor
        self.progress = progress
    }

    /// The gate of a stage that names none: what `rampart scan` fails on by default.
    public static let defaultGate = Gate(name: "no finding of severity high or above (default)", severity: .high)

    public func run(_ pipeline: Pipeline, only: Set<Pipeline.StageName>? = nil) async -> PipelineResult {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + pipeline.budget
        var results: [StageResult] = []
        var outOfTime = false
        for stage in pipeline.stages where only?.contains(stage.name) ?? true {
            let left = deadline - clock.now
            let progress = self.progress
            let executor = self.executor
            let name = stage.name.rawValue
            var activities: [ActivityResult] = []
            if left <= .zero {
                outOfTime = true
                activities = stage.activities.map { ActivityResult(activityID: $0.id, kind: $0.kind, failure: "not run: the pipeline's budget of \(Int(pipeline.budget.inSeconds)) s ran out") }
            } else {
                activities = await withTaskGroup(of: (Int, ActivityResult).self) { group in
                    for (index, activity) in stage.activities.enumerated() {
                        let budget = min(activity.budget ?? left, left)
                        group.addTask {
                            progress("[\(name)] \(activity.id): started (budget \(Self.format(budget)))")
                            let began = clock.now
                            var result = await executor.run(activity, budget: budget) { progress("[\(name)] \(activity.id): \($0)") }
                            result.duration = clock.now - began
                            progress("[\(name)] \(activity.id): \(result.failure.map { "failed: \($0)" } ?? "done") in \(Self.format(result.duration))")
                            return (index, result)
                        }
                    }
                    var collected: [(Int, ActivityResult)] = []
                    for await item in group { collected.append(item) }
                    return collected.sorted { $0.0 < $1.0 }.map(\.1)
                }
            }
            var byActivity = Dictionary(activities.map { ($0.activityID, $0.findings) }, uniquingKeysWith: +)
            // A flaw an imported report and Rampart's own scan both saw counts once.
            let own = activities.filter { $0.kind != .external }.flatMap(\.findings)
            for external in activities where external.kind == .external {
                byActivity[external.activityID] = FindingMerger.unmatched(external.findings, against: own)
            }
            let gates = (stage.gates.isEmpty ? [Self.defaultGate] : stage.gates).map { $0.evaluate(byActivity) }
            results.append(StageResult(stage: stage.name, activities: activities, gates: gates))
        }
        return PipelineResult(stages: results, duration: clock.now - started, outOfTime: outOfTime)
    }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.inSeconds
        return seconds < 1 ? String(format: "%.2f s", seconds) : seconds < 10 ? String(format: "%.1f s", seconds) : "\(Int(seconds.rounded())) s"
    }
}
