import ArgumentParser
import Foundation
import RampartAdapters
import RampartCore
import RampartDeps
import RampartFiles
import RampartHistory
import RampartHost
import RampartPipeline
import RampartPythonSAST
import RampartReporters
import RampartSecrets
import RampartWeb

/// `rampart pipeline`: the security pipeline of `rampart.yml`.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run the security pipeline of rampart.yml: stages, activities, gates.",
        subcommands: [PipelineRunCommand.self, PipelinePlanCommand.self]
    )
}

/// Where the pipeline file is and which stages to run.
struct PipelineSelection: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The pipeline file (default: rampart.yml in the repository).", valueName: "path"))
    var file: String?

    @Option(name: .customLong("stage"), help: ArgumentHelp("Run only this stage (repeatable): commit, build, test, deploy, operate.", valueName: "stage"))
    var stages: [String] = []

    @Argument(help: "The repository (default: the current folder).")
    var path: String = "."

    func load() throws -> (Pipeline, Set<Pipeline.StageName>?) {
        let file = self.file ?? (path == "." ? PipelineLoader.defaultFile : path + "/" + PipelineLoader.defaultFile)
        let pipeline: Pipeline
        do {
            pipeline = try PipelineLoader.load(path: file)
        } catch {
            throw UsageFailure("pipeline error: \(error)")
        }
        var only: Set<Pipeline.StageName>?
        if !stages.isEmpty {
            only = try Set(stages.map { name in
                guard let stage = Pipeline.StageName(rawValue: name) else {
                    throw UsageFailure("error: unknown stage '\(name)'; stages are \(Pipeline.StageName.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard pipeline.stages.contains(where: { $0.name == stage }) else { throw UsageFailure("error: \(file) has no \(name) stage") }
                return stage
            })
        }
        return (pipeline, only)
    }
}

struct PipelineRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline: activities of a stage at once, stages in delivery order; exit by the gates.",
        discussion: "Exit codes: 0 every gate passed, 1 a gate failed, 2 a usage or pipeline-file error, 3 an activity failed or the budget ran out."
    )

    @OptionGroup var selection: PipelineSelection

    @Option(help: ArgumentHelp("Scan only what changed since this git ref (pull requests); history scans only its new commits.", valueName: "ref"))
    var since: String?

    @Flag(help: "Scan everything even in a pull request (CI variables naming a base branch make runs incremental).")
    var fullScan = false

    @Option(help: ArgumentHelp("Count only findings not in this baseline (default: the baseline of .rampart.yml).", valueName: "path"))
    var baseline: String?

    @Option(help: ArgumentHelp("Accept today's findings: write every activity's findings to this baseline file.", valueName: "path"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("The findings history (default: .rampart/findings.db in the repository).", valueName: "path"))
    var history: String?

    @Flag(help: "Keep no findings history for this run.")
    var noHistory = false

    @Flag(help: "Turn the gating findings into tasks, as `tasks:` of the pipeline file says (default: Markdown files in .rampart/tasks).")
    var tasks = false

    @Flag(name: .shortAndLong, help: "No progress lines.")
    var quiet = false

    /// The base of a pull or merge request, from the CI's variables: GitLab's diff base, then
    /// the target branch of GitHub Actions and GitLab.
    static func sinceFromCI(_ environment: [String: String]) -> String? {
        if let sha = environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"], !sha.isEmpty { return sha }
        for key in ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] {
            if let branch = environment[key], !branch.isEmpty { return "origin/" + branch }
        }
        return nil
    }

    func run() async throws {
        let (pipeline, only) = try selection.load()
        let since = self.since ?? (fullScan ? nil : Self.sinceFromCI(CommandEnvironment.current))
        if let since, !quiet, self.since == nil { Terminal.writeStderr("pull request: scanning what changed since \(since) (--full-scan for everything)\n") }
        var executor = CLIActivityExecutor(root: selection.path, pipelineFile: pipeline.file, since: since)
        executor.baseline = baseline
        // Accepted risks and false positives of the history stop gating.
        let store: FindingsHistory?
        do {
            // The default history is inside the repository: its folder and file are reached through no symlink.
            store = noHistory ? nil : try FindingsHistory(path: history ?? Self.historyPath(in: selection.path))
            executor.decisions = try store?.records().filter { $0.state == .accepted || $0.state == .falsePositive }
                .reduce(into: [:]) { $0[$1.fingerprint] = $1.state.rawValue + CLIActivityExecutor.decisionMarker + ($1.reason ?? "") } ?? [:]
        } catch {
            throw UsageFailure("error: \(error)")
        }
        for activity in pipeline.activities {
            do {
                try executor.validate(activity)
            } catch {
                throw UsageFailure("pipeline error: \(error)")
            }
        }
        let quiet = self.quiet
        let runner = PipelineRunner(executor: executor) { line in if !quiet { Terminal.writeStderr(TextEscaping.escape(line) + "\n") } }
        let result = await runner.run(pipeline, only: only)
        try Self.writeReports(result, pipeline: pipeline, root: selection.path)
        if let store {
            // Complete runs (every stage, every file, nothing failed) can tell what was fixed.
            let complete = since == nil && only == nil && result.failures.isEmpty
            let findings = result.stages.flatMap(\.activities).flatMap(\.findings).map(CLIActivityExecutor.withoutDecision)
            do {
                let activities = result.stages.flatMap { stage in
                    stage.activities.map { activity in
                        FindingsHistory.RunActivity(stage: stage.stage.rawValue, activity: activity.activityID, kind: activity.kind.rawValue,
                                                    status: activity.failure == nil ? "done" : "failed",
                                                    findings: activity.findings.count { !$0.isSuppressed }, seconds: activity.duration.inSeconds)
                    }
                }
                let change = try store.record(findings, complete: complete, scope: since.map { "since \($0)" } ?? (only == nil ? "full" : "stages"),
                                              activities: activities)
                if !quiet {
                    Terminal.writeStderr("history: \(change.new.count) new, \(change.fixed.count) fixed, \(change.reopened.count) reopened, \(change.stillOpen) still open\(complete ? "" : " (a partial run fixes nothing)") in \(store.path)\n")
                }
            } catch {
                throw UsageFailure("error: \(error)")
            }
        }
        if let writeBaseline {
            let findings = result.stages.flatMap(\.activities).flatMap(\.findings).filter { !$0.isSuppressed }
            do {
                try Terminal.writeFile(writeBaseline, Data(Baseline(findings: findings).serialized(toolVersion: RampartVersion.current).utf8))
            } catch {
                throw UsageFailure("error: cannot write \(writeBaseline): \(error.localizedDescription)")
            }
            if !quiet { Terminal.writeStderr("wrote \(findings.count) findings to the baseline \(writeBaseline)\n") }
        }
        if tasks { try await syncTasks(result, pipeline: pipeline, since: since) }
        // Activity messages carry tools' own words: no escape sequence reaches the terminal.
        Terminal.writeStdout(TextEscaping.escapeKeepingLines(PipelineSummary.render(result, budget: pipeline.budget)))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// One task per rule and component of the findings the gates counted; tasks of scanners that
    /// ran completely (over everything, not since a ref) and found nothing more are closed.
    func syncTasks(_ result: PipelineResult, pipeline: Pipeline, since: String?) async throws {
        var own: [Finding] = [], imported: [Finding] = []
        var complete: Set<String> = []
        for stage in result.stages {
            for activity in stage.activities {
                let gating = stage.gatingFindings(of: activity)
                if activity.kind == .external { imported += gating } else { own += gating }
                guard activity.failure == nil, since == nil || !Activity(kind: activity.kind).isFileBased else { continue }
                complete.formUnion(activity.report?.scanners.filter(\.completed).map(\.id) ?? [])
            }
        }
        let configuration = try CommonOptions.parse([]).configuration(scanRoot: selection.path, scanners: ScannerCatalog.current)
        // rampart.yml is the repository's: it may not send the CI's token elsewhere.
        try TaskRunner.checkRepositoryChoices(pipeline.tasks ?? Pipeline.TaskSettings(), flags: Pipeline.TaskSettings(), environment: CommandEnvironment.current)
        let summary = try await TaskRunner.sync(FindingMerger.merge(own, imported), settings: pipeline.tasks ?? Pipeline.TaskSettings(), root: selection.path,
                                                configuration: configuration, closing: .scanners(complete), dryRun: false, quiet: quiet)
        if !summary.errors.isEmpty && result.exitCode == 0 { throw ExitCode(3) }
    }

    /// The default history inside the repository, its folder and files (SQLite's journal and
    /// WAL files too) reached through no symlink the repository could have planted.
    static func historyPath(in root: String) throws -> String {
        let writer = ConfinedWriter(root: root)
        for suffix in ["-journal", "-wal", "-shm"] { _ = try writer.preparedPath(FindingsHistory.defaultPath + suffix) }
        return try writer.preparedPath(FindingsHistory.defaultPath)
    }

    /// The reports `rampart.yml` asks for, over every activity's findings.
    static func writeReports(_ result: PipelineResult, pipeline: Pipeline, root: String) throws {
        let activities = result.stages.flatMap(\.activities)
        let reports = activities.compactMap(\.report)
        guard !pipeline.reports.isEmpty, var merged = reports.first else { return }
        // Imported findings join Rampart's own: one finding per flaw and place, with its sources.
        let own = activities.filter { $0.kind != .external }.flatMap(\.findings)
        let imported = activities.filter { $0.kind == .external }.flatMap(\.findings)
        merged.findings = FindingMerger.merge(own, imported)
        for report in reports.dropFirst() { merged.absorb(report) }
        merged.durationMs = Int(result.duration.inSeconds * 1000)
        let folder = CommonOptions.folder(of: URL(fileURLWithPath: root).standardizedFileURL.path)
        for spec in pipeline.reports {
            guard let format = ReportFormat(rawValue: spec.format) else {
                throw UsageFailure("pipeline error: \(pipeline.file): unknown report format '\(spec.format)'")
            }
            let text = format.reporter.render(merged, context: ReportContext(root: folder, useColor: false, verbose: false))
            guard let output = spec.output else {
                Terminal.writeStdout(text)
                continue
            }
            // rampart.yml is the repository's: its reports are written inside it, through no symlink.
            try RepositoryWrite.write(output, in: root, Data(text.utf8))
        }
    }
}

struct PipelinePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Print what the pipeline would run, with estimated times; run nothing.")

    @OptionGroup var selection: PipelineSelection

    func run() async throws {
        let (pipeline, only) = try selection.load()
        let executor = CLIActivityExecutor(root: selection.path, pipelineFile: pipeline.file, since: nil)
        for activity in pipeline.activities {
            do {
                try executor.validate(activity)
            } catch {
                throw UsageFailure("pipeline error: \(error)")
            }
        }
        Terminal.writeStdout(PipelineSummary.plan(pipeline, executor: executor, only: only))
    }
}
