import Foundation
import RampartCore

/// The one table a pipeline run ends with: each activity's findings by severity, whether it
/// broke a gate, its time; then each stage's gates and the verdict.
public enum PipelineSummary {
    public static func render(_ result: PipelineResult, budget: Duration) -> String {
        let severities: [Severity] = [.critical, .high, .medium, .low, .info]
        var rows: [[String]] = [["stage", "activity"] + severities.map(\.rawValue) + ["gate", "time", "note"]]
        for stage in result.stages {
            let failing = stage.gates.filter { !$0.passed }
            let own = stage.activities.filter { $0.kind != .external }.flatMap(\.findings)
            for activity in stage.activities {
                var active = activity.findings.filter { !$0.isSuppressed }
                var note = activity.failure ?? activity.note ?? ""
                // An imported report's row counts what it adds to Rampart's own findings, as the gates do.
                if activity.kind == .external {
                    let added = FindingMerger.unmatched(active, against: own)
                    if added.count < active.count { note += (note.isEmpty ? "" : "; ") + "\(active.count - added.count) also found by Rampart" }
                    active = added
                }
                let counts = severities.map { severity in String(active.filter { $0.severity == severity }.count) }
                let broke = failing.contains { outcome in
                    (outcome.gate.activities.isEmpty || outcome.gate.activities.contains(activity.activityID)) && active.contains { outcome.gate.matches($0) }
                }
                let gate = activity.failure != nil ? "ERROR" : broke ? "FAIL" : "pass"
                rows.append([stage.stage.rawValue, activity.activityID] + counts + [gate, PipelineRunner.format(activity.duration), note])
            }
        }
        var out = table(rows)
        out += "\n"
        for stage in result.stages {
            for outcome in stage.gates {
                let verdict = outcome.passed ? "pass" : "FAIL (\(outcome.count) > \(outcome.gate.max))"
                out += "gate [\(stage.stage.rawValue)] \(outcome.gate.name): \(verdict)\n"
                if !outcome.passed {
                    for finding in outcome.examples.prefix(3) { out += "    \(finding.ruleId) \(finding.severity.rawValue): \(finding.title) (\(finding.location.display))\n" }
                    if outcome.count > 3 { out += "    … and \(outcome.count - 3) more\n" }
                }
            }
        }
        let gates = result.stages.flatMap(\.gates)
        let failed = gates.filter { !$0.passed }.count
        let time = "\(PipelineRunner.format(result.duration)) of \(PipelineRunner.format(budget))"
        switch result.exitCode {
        case 0: out += "Pipeline: PASSED, \(gates.count) gates (\(time))\n"
        case 1: out += "Pipeline: FAILED by \(failed) of \(gates.count) gates (\(time))\n"
        default:
            let reasons = result.failures.map { "\($0.activityID): \($0.failure ?? "")" } + (result.outOfTime ? ["the budget ran out"] : [])
            out += "Pipeline: ERROR, \(reasons.joined(separator: "; ")) (\(time))\n"
        }
        return out
    }

    /// `pipeline plan`: what would run, stage by stage, with estimates.
    public static func plan(_ pipeline: Pipeline, executor: any ActivityExecutor, only: Set<Pipeline.StageName>? = nil) -> String {
        var rows: [[String]] = [["stage", "activity", "budget", "estimate", "what"]]
        var total = Duration.zero
        for stage in pipeline.stages where only?.contains(stage.name) ?? true {
            var longest = Duration.zero
            for activity in stage.activities {
                let estimate = executor.estimate(activity)
                longest = max(longest, estimate)
                rows.append([stage.name.rawValue, activity.id, activity.budget.map(PipelineRunner.format) ?? "-", PipelineRunner.format(estimate), executor.describe(activity)])
            }
            // Activities of a stage run at once: the stage takes as long as its longest.
            total += longest
        }
        var out = table(rows) + "\n"
        for stage in pipeline.stages where only?.contains(stage.name) ?? true {
            for gate in stage.gates.isEmpty ? [PipelineRunner.defaultGate] : stage.gates {
                out += "gate [\(stage.name.rawValue)] \(gate.name)\n"
            }
        }
        out += "Estimated: \(PipelineRunner.format(total)) of a \(PipelineRunner.format(pipeline.budget)) budget\n"
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { column in rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
