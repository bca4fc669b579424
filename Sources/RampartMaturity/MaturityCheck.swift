import Foundation
import RampartPipeline

/// How far an activity of the model is implemented, as the evidence shows.
public enum MaturityStatus: String, Sendable, CaseIterable {
    case implemented
    case partial
    case notImplemented = "not-implemented"
    /// What the activity protects is not in the repository (no Dockerfile, no client code).
    case notApplicable = "not-applicable"
    /// No evidence a repository or a pipeline leaves can tell: a person assesses it.
    case needsHuman = "needs-a-human"

    /// Counted as done: implemented 1, partial ½.
    var credit: Double {
        switch self {
        case .implemented, .notApplicable: 1
        case .partial: 0.5
        case .notImplemented, .needsHuman: 0
        }
    }
}

/// An activity's assessment: the status, the facts behind it, and what is missing.
public struct Assessment: Sendable, Equatable {
    public var status: MaturityStatus
    public var proofs: [Proof]
    /// What would make it implemented, or why it cannot be told.
    public var note: String?

    public static func implemented(_ proofs: [Proof], _ note: String? = nil) -> Assessment { Assessment(status: .implemented, proofs: proofs, note: note) }
    public static func partial(_ proofs: [Proof], _ missing: String) -> Assessment { Assessment(status: .partial, proofs: proofs, note: missing) }
    public static func missing(_ what: String, _ proofs: [Proof] = []) -> Assessment { Assessment(status: .notImplemented, proofs: proofs, note: what) }
    public static func notApplicable(_ why: String) -> Assessment { Assessment(status: .notApplicable, proofs: [], note: why) }
    public static func human(_ why: String) -> Assessment { Assessment(status: .needsHuman, proofs: [], note: why) }
}

/// One DSOMM activity Rampart can assess from evidence, keyed by the model's UUID; the model
/// file gives its name, level and description at run time.
public struct MaturityCheck: Sendable {
    public var uuid: String
    /// The activity's name in DSOMM 4.3.1, for messages when the model file lacks the UUID.
    public var name: String
    public var assess: @Sendable (Evidence) -> Assessment

    public init(_ uuid: String, _ name: String, assess: @escaping @Sendable (Evidence) -> Assessment) {
        self.uuid = uuid
        self.name = name
        self.assess = assess
    }
}

/// Evidence vocabulary the checks share.
extension Evidence {
    /// External activities whose tool or command names one of `tools`.
    func external(_ tools: [String]) -> [(stage: Pipeline.StageName, activity: Activity)] {
        activities(.external).filter { item in
            let text = ((setting(item.activity, "tool") ?? "") + " " + (setting(item.activity, "command") ?? "")).lowercased()
            return tools.contains { text.contains($0.lowercased()) }
        }
    }

    /// Proofs that `kind` activities (or external `tools`) run in CI, and proofs that they are
    /// only configured (declared but not run by CI, or in pre-commit only).
    func coverage(_ kind: Activity.Kind?, tools: [String]) -> (ci: [Proof], configured: [Proof]) {
        var ci: [Proof] = [], configured: [Proof] = []
        if let kind {
            for item in activities(kind) {
                if let run = ciRuns(item.stage) { ci += [declared(item), run] } else { configured.append(declared(item)) }
            }
        }
        if !tools.isEmpty {
            for item in external(tools) {
                if let run = ciRuns(item.stage) { ci += [declared(item, "external activity '\(item.activity.id)'"), run] } else { configured.append(declared(item)) }
            }
            ci += ciMentions(tools.map { $0 + " " } + tools.map { $0 + "@" } + tools.map { "/" + $0 })
            configured += preCommitMentions(tools)
        }
        return (ci, configured)
    }

    /// The usual verdict: run in CI → implemented; configured only → partial; else not.
    func verdict(_ kind: Activity.Kind?, tools: [String], missing: String) -> Assessment {
        let found = coverage(kind, tools: tools)
        if !found.ci.isEmpty { return .implemented(unique(found.ci)) }
        if !found.configured.isEmpty { return .partial(unique(found.configured), "configured, but no CI job runs it") }
        return .missing(missing)
    }

    func unique(_ proofs: [Proof]) -> [Proof] {
        var seen = Set<String>()
        return proofs.filter { seen.insert($0.display).inserted }.prefix(8).map { $0 }
    }

    func has(extension suffixes: [String], excluding: [String] = ["vendor/", "third_party/", ".min.js"]) -> [String] {
        files { path in suffixes.contains { path.hasSuffix($0) } && !excluding.contains { path.contains($0) } }
    }

    var dockerfiles: [String] { files { Evidence.fileName($0) == "Dockerfile" || Evidence.fileName($0).hasPrefix("Dockerfile.") || $0.hasSuffix(".dockerfile") } }
    var pythonFiles: [String] { has(extension: [".py"]) }
    var clientFiles: [String] { has(extension: [".js", ".jsx", ".ts", ".tsx", ".vue", ".svelte"]) }
    var kubernetesFiles: [String] {
        files { path in
            (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && (path.contains("k8s/") || path.contains("kubernetes/") || path.contains("helm/") || path.hasSuffix("Chart.yaml")
                || (file(path)?.lines.contains { $0.hasPrefix("kind: Deployment") || $0.hasPrefix("kind: Pod") || $0.hasPrefix("kind: StatefulSet") } ?? false))
        }
    }
    var terraformFiles: [String] { has(extension: [".tf"]) + files { $0.hasSuffix(".template.yaml") || $0.hasSuffix("cloudformation.yaml") } }
    var apiSpecs: [String] {
        files { path in
            let name = Evidence.fileName(path).lowercased()
            return (name.hasPrefix("openapi") || name.hasPrefix("swagger") || name.hasPrefix("asyncapi")) && (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"))
        }
    }
    var pythonManifests: [String] {
        files { path in
            let name = Evidence.fileName(path)
            return name.hasPrefix("requirements") && name.hasSuffix(".txt") || ["pyproject.toml", "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock", "setup.cfg"].contains(name)
        }
    }
    var lockfiles: [String] { files { ["poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock", "package-lock.json", "yarn.lock", "pnpm-lock.yaml"].contains(Evidence.fileName($0)) } }

    /// The gates of the pipeline, with the stage.
    var gates: [(stage: Pipeline.StageName, gate: Gate)] {
        pipeline?.stages.flatMap { stage in stage.gates.map { (stage.name, $0) } } ?? []
    }

    /// CI lines that let a failing job pass: the pipeline's verdict is then not enforced.
    var unenforced: [Proof] {
        ciMentions(["continue-on-error: true", "allow_failure: true", "buildResult: 'SUCCESS'"])
            + ciMentions(["|| true", "|| :"]).filter { $0.text.contains("rampart ") }
    }

    /// Stages whose every activity is gated at `severity` or below (the default gate is high).
    func stagesGated(atOrBelow severity: String) -> (gated: [Proof], ungated: [Pipeline.StageName]) {
        guard let pipeline else { return ([], []) }
        let order = ["info", "low", "medium", "high", "critical"]
        let limit = order.firstIndex(of: severity) ?? 3
        var gated: [Proof] = [], ungated: [Pipeline.StageName] = []
        for stage in pipeline.stages where stage.activities.contains(where: { $0.kind != .sbom && $0.kind != .harden }) {
            let gates = stage.gates.isEmpty ? [PipelineRunner.defaultGate] : stage.gates
            let scanning = stage.activities.filter { $0.kind != .sbom && $0.kind != .harden }.map(\.id)
            let covered = scanning.allSatisfy { id in
                gates.contains { gate in (gate.activities.isEmpty || gate.activities.contains(id)) && (order.firstIndex(of: gate.severity.rawValue) ?? 3) <= limit && gate.max == 0 && gate.rules.isEmpty && !gate.fixableOnly }
            }
            if covered {
                let gate = stage.gates.first
                gated.append(Proof(stage.gates.isEmpty ? "the \(stage.name.rawValue) stage has the default gate (no finding of severity high or above)" : "gates of the \(stage.name.rawValue) stage: \(stage.gates.map(\.name).joined(separator: "; "))",
                                   file: pipeline.file, line: gate?.line ?? stage.line))
            } else {
                ungated.append(stage.name)
            }
        }
        return (gated, ungated)
    }
}
