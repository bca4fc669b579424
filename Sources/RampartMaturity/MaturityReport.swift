import Foundation
import RampartCore

/// Every check Rampart has, keyed by DSOMM activity UUID.
public enum MaturityChecks {
    public static let all: [MaturityCheck] = StaticDepthChecks.all + DynamicDepthChecks.all + IntensityAndConsolidationChecks.all + BuildAndDeploymentChecks.all
}

/// The assessment of a repository against the model: each activity's status with its proofs,
/// and per sub-dimension the level reached and what to do next.
public struct MaturityReport: Sendable {
    public struct Entry: Sendable {
        public var activity: DSOMMModel.Activity
        public var assessment: Assessment
        /// Assessed from evidence (false: the model's activity needs a person).
        public var automatic: Bool
    }

    public struct SubDimension: Sendable {
        public var dimension: String
        public var name: String
        /// The highest level whose evidence-assessed activities (and those below) are all
        /// implemented; nil when none of its activities can be assessed from evidence.
        public var level: Int?
        public var maxLevel: Int
        /// Implemented 1, partial ½, over the activities assessed from evidence.
        public var score: Double
        public var entries: [Entry]
        /// What would raise the level: the open activities of the lowest level not reached.
        public var next: [Entry]
        public var assessed: Int { entries.count { $0.automatic } }
    }

    public var modelVersion: String
    public var team: String
    public var date: Date
    public var subDimensions: [SubDimension]
    /// Check UUIDs the model file does not have (another model version).
    public var unknownChecks: [String]

    public var entries: [Entry] { subDimensions.flatMap(\.entries) }

    public static func assess(model: DSOMMModel, evidence: Evidence, team: String, checks: [MaturityCheck] = MaturityChecks.all) -> MaturityReport {
        var byUUID: [String: Assessment] = [:]
        for check in checks where model.byUUID[check.uuid] != nil { byUUID[check.uuid] = check.assess(evidence) }
        var subDimensions: [SubDimension] = []
        for (dimension, names) in model.dimensions {
            for name in names {
                let activities = model.activities.filter { $0.dimension == dimension && $0.subDimension == name }.sorted { ($0.level, $0.name) < ($1.level, $1.name) }
                let entries = activities.map { activity in
                    Entry(activity: activity, assessment: byUUID[activity.uuid] ?? .human(activity.assessment.map { "a person assesses it: \($0)" } ?? "no evidence a pipeline leaves shows it: a person assesses it"),
                          automatic: byUUID[activity.uuid] != nil)
                }
                subDimensions.append(summarize(dimension: dimension, name: name, entries: entries))
            }
        }
        return MaturityReport(modelVersion: model.version, team: team, date: evidence.now, subDimensions: subDimensions,
                              unknownChecks: checks.filter { model.byUUID[$0.uuid] == nil }.map { "\($0.uuid) (\($0.name))" })
    }

    static func summarize(dimension: String, name: String, entries: [Entry]) -> SubDimension {
        // Judged: assessed from evidence, and neither not applicable nor left to a person.
        let judged = entries.filter { $0.automatic && $0.assessment.status != .notApplicable && $0.assessment.status != .needsHuman }
        let maxLevel = entries.map(\.activity.level).max() ?? 0
        var level: Int?
        if !judged.isEmpty {
            // A level is reached when every judged activity up to it is implemented, and one is.
            var reached = 0, implementedSoFar = false
            for candidate in 1...max(1, maxLevel) {
                let due = judged.filter { $0.activity.level == candidate }
                guard due.allSatisfy({ $0.assessment.status == .implemented }) else { break }
                implementedSoFar = implementedSoFar || !due.isEmpty
                if implementedSoFar { reached = candidate }
            }
            level = reached
        }
        let score = judged.isEmpty ? 0 : judged.map(\.assessment.status.credit).reduce(0, +) / Double(judged.count)
        let automatic = judged
        let open = automatic.filter { $0.assessment.status == .partial || $0.assessment.status == .notImplemented }
        let lowest = open.map(\.activity.level).min()
        let next = open.filter { $0.activity.level == lowest }
        return SubDimension(dimension: dimension, name: name, level: level, maxLevel: maxLevel, score: score, entries: entries, next: next)
    }
}
