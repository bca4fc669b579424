import ArgumentParser
import Foundation
import RampartAdapters
import RampartCore
import RampartPipeline
import RampartTasks

/// `rampart tasks`: one task per failure (rule and component) in a Markdown folder, GitHub or
/// GitLab issues; re-runs update them, fixed ones are closed.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Turn gating findings into one task per rule and component: Markdown files, GitHub or GitLab issues.",
        discussion: """
        Findings come from Rampart JSON reports (--report, repeatable), or from a scan of PATH as `rampart scan` \
        would run it. A finding gates when it is not suppressed or baselined and is at or above --fail-on (default: \
        the configuration's). Tasks whose findings are gone are closed, unless the reports are incremental (--since) \
        or the scanner did not finish. Tokens come from the environment: GITHUB_TOKEN (or GH_TOKEN), GITLAB_TOKEN \
        (or CI_JOB_TOKEN); never from the command line.
        """
    )

    @Argument(help: "The repository (default: the current folder).")
    var path: String = "."

    @Option(name: .customLong("report"), help: ArgumentHelp("A Rampart JSON report to take findings from (repeatable); without one, PATH is scanned.", valueName: "path"))
    var reports: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Findings at or above this severity become tasks (default: the configuration's fail_on, high).", valueName: "severity"))
    var failOn: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .rampart.yml in the repository).", valueName: "path"))
    var config: String?

    @OptionGroup var target: TaskTargetOptions

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    static let targetScanners: Set<String> = ["web", "host"]

    func validate() throws {
        if let failOn, GateThreshold(parsing: failOn) == nil {
            throw ValidationError("--fail-on takes info, low, medium, high, critical or none, not '\(failOn)'")
        }
    }

    func run() async throws {
        var options = try CommonOptions.parse(quiet ? ["--quiet"] : [])
        options.config = config
        let configuration = try options.configuration(scanRoot: path, scanners: ScannerCatalog.current)
        let threshold = failOn.flatMap(GateThreshold.init(parsing:)) ?? configuration.failOn
        var findings: [Finding] = []
        var closing = ClosingScope.all
        if reports.isEmpty {
            options.failOn = failOn
            let report = try await ScanRunner(options: options, path: path).run()
            findings = report.gatingFindings
            // The web and host scanners look at nothing unless a target is configured: their
            // tasks (from a pipeline run, say) are closed only by a scan that had one.
            let targeted = Set(Self.targetScanners.filter { configuration.scannerSections[$0] != nil })
            closing = .scanners(Set(report.scanners.filter { $0.completed && (!Self.targetScanners.contains($0.id) || targeted.contains($0.id)) }.map(\.id)))
        } else {
            var completed: Set<String> = []
            var incremental = false
            for file in reports {
                guard let data = FileReader.data(file, limit: ImportedReport.maxBytes) else { throw UsageFailure("error: cannot read the report \(TextEscaping.escape(file)) (missing, not a regular file, or over \(ImportedReport.maxBytes >> 20) MiB)") }
                do {
                    let contents = try RampartReportReader().read(data, file: file)
                    findings += contents.findings.filter { !$0.isSuppressed && threshold.gates($0.severity) }
                    // A report cannot say whether its web or host scanner had a target: only its findings can.
                    let reported = Set(contents.findings.map(\.scanner))
                    completed.formUnion(contents.completedScanners.filter { !Self.targetScanners.contains($0) || reported.contains($0) })
                    incremental = incremental || contents.since != nil
                } catch {
                    throw UsageFailure("error: \(error)")
                }
            }
            closing = incremental ? .none : .scanners(completed)
        }
        let settings = target.settings(over: nil)
        let summary = try await TaskRunner.sync(findings, settings: settings, root: path, configuration: configuration, closing: closing,
                                                dryRun: target.dryRun, quiet: quiet)
        if !summary.errors.isEmpty { throw ExitCode(3) }
    }
}

/// Where tasks go, from the command line (over `tasks:` of `rampart.yml`).
struct TaskTargetOptions: ParsableArguments {
    @Option(name: .customLong("target"), help: ArgumentHelp("markdown (default), github or gitlab.", valueName: "target"))
    var kind: String?

    @Option(help: ArgumentHelp("Markdown: the folder (default .rampart/tasks in the repository).", valueName: "path"))
    var folder: String?

    @Option(help: ArgumentHelp("GitHub: owner/name (default $GITHUB_REPOSITORY).", valueName: "owner/name"))
    var repository: String?

    @Option(help: ArgumentHelp("GitLab: the project id or path (default $CI_PROJECT_ID).", valueName: "id"))
    var project: String?

    @Option(name: .customLong("api-url"), help: ArgumentHelp("The API (default $GITHUB_API_URL or https://api.github.com; $CI_API_V4_URL or https://gitlab.com/api/v4).", valueName: "url"))
    var apiURL: String?

    @Option(name: .customLong("token-env"), help: ArgumentHelp("The environment variable with the token (default GITHUB_TOKEN, GH_TOKEN; GITLAB_TOKEN, CI_JOB_TOKEN).", valueName: "name"))
    var tokenEnv: String?

    @Option(name: .customLong("label"), help: ArgumentHelp("Another label for new tasks (repeatable).", valueName: "label"))
    var labels: [String] = []

    @Flag(help: "Never close tasks, even when their findings are gone.")
    var noClose = false

    @Flag(help: "Print what would change; change nothing.")
    var dryRun = false

    func validate() throws {
        if let kind, Pipeline.TaskSettings.Target(rawValue: kind) == nil {
            throw ValidationError("--target takes markdown, github or gitlab, not '\(kind)'")
        }
        if let bad = labels.first(where: { $0.isEmpty || $0.contains(",") }) {
            throw ValidationError("a --label is not empty and has no comma ('\(bad)')")
        }
    }

    func settings(over file: Pipeline.TaskSettings?) -> Pipeline.TaskSettings {
        var settings = file ?? Pipeline.TaskSettings()
        if let kind, let target = Pipeline.TaskSettings.Target(rawValue: kind) { settings.target = target }
        if let folder { settings.folder = folder }
        if let repository { settings.repository = repository }
        if let project { settings.project = project }
        if let apiURL { settings.apiURL = apiURL }
        if let tokenEnv { settings.tokenEnv = tokenEnv }
        settings.labels += labels.filter { !settings.labels.contains($0) }
        if noClose { settings.close = false }
        return settings
    }
}

/// What `rampart tasks` and `rampart pipeline run --tasks` share: the tracker, the grouping, the sync.
enum TaskRunner {
    static let defaultFolder = ".rampart/tasks"

    /// The token variables a repository's rampart.yml may name; any other needs `--token-env`.
    static let knownTokenVariables: Set<String> = ["GITHUB_TOKEN", "GH_TOKEN", "GITLAB_TOKEN", "CI_JOB_TOKEN", "RAMPART_TASKS_TOKEN"]

    /// Refuses what the repository's `tasks:` section may not choose: an API origin other than
    /// the CI's own (or the public default, or one in RAMPART_ALLOWED_ORIGINS), a token variable
    /// that is not a tracker token, a repository other than the CI's. `flags` are the settings
    /// given on the command line, which the person running Rampart chose.
    static func checkRepositoryChoices(_ file: Pipeline.TaskSettings, flags: Pipeline.TaskSettings, environment: [String: String]) throws {
        if flags.apiURL == nil, let api = file.apiURL {
            let chosen = [environment["GITHUB_API_URL"], environment["CI_API_V4_URL"], GitHubIssues.defaultAPI, GitLabIssues.defaultAPI].compactMap { $0 }
            if !TrustedOrigins(environment: environment, chosen: chosen).allows(api) {
                throw UsageFailure("error: tasks.api_url \(TrustedOrigins.origin(of: api).map(TextEscaping.escape) ?? "") was chosen by the repository's rampart.yml: the token is not sent there. Pass --api-url, or list it in \(TrustedOrigins.variable)")
            }
        }
        if flags.tokenEnv == nil, let name = file.tokenEnv, !knownTokenVariables.contains(name) {
            throw UsageFailure("error: tasks.token_env \(TextEscaping.escape(name)) in the repository's rampart.yml is not a tracker token variable (\(knownTokenVariables.sorted().joined(separator: ", "))); pass --token-env to use it")
        }
        if flags.repository == nil, let repository = file.repository, let ci = environment["GITHUB_REPOSITORY"], !ci.isEmpty, ci.lowercased() != repository.lowercased() {
            throw UsageFailure("error: tasks.repository \(TextEscaping.escape(repository)) differs from $GITHUB_REPOSITORY (\(ci)); pass --repository to file issues there")
        }
        if flags.project == nil, let project = file.project, let ci = environment["CI_PROJECT_ID"], !ci.isEmpty, ci != project,
           environment["CI_PROJECT_PATH"].map({ $0 != project }) ?? true {
            throw UsageFailure("error: tasks.project \(TextEscaping.escape(project)) differs from this CI project (\(ci)); pass --project to file issues there")
        }
    }

    static func tracker(_ settings: Pipeline.TaskSettings, root: String, environment: [String: String] = CommandEnvironment.current) throws -> any TaskTracker {
        func token(_ defaults: [String]) throws -> (name: String, value: String) {
            let names = settings.tokenEnv.map { [$0] } ?? defaults
            for name in names {
                if let value = environment[name], !value.isEmpty { return (name, value) }
            }
            throw UsageFailure("error: no token for \(settings.target.rawValue) issues: set \(names.joined(separator: " or ")) in the environment")
        }
        switch settings.target {
        case .markdown:
            let folder = settings.folder ?? defaultFolder
            return MarkdownTaskFolder(root: root, folder: folder, extraLabels: settings.labels)
        case .github:
            guard let repository = settings.repository ?? environment["GITHUB_REPOSITORY"], repository.split(separator: "/").count == 2 else {
                throw UsageFailure("error: GitHub issues need the repository: --repository owner/name, `repository:` under tasks, or $GITHUB_REPOSITORY")
            }
            let api = settings.apiURL ?? environment["GITHUB_API_URL"] ?? GitHubIssues.defaultAPI
            return GitHubIssues(repository: repository, token: try token(["GITHUB_TOKEN", "GH_TOKEN"]).value, apiURL: api, extraLabels: settings.labels)
        case .gitlab:
            guard let project = settings.project ?? environment["CI_PROJECT_ID"], !project.isEmpty else {
                throw UsageFailure("error: GitLab issues need the project: --project ID, `project:` under tasks, or $CI_PROJECT_ID")
            }
            let api = settings.apiURL ?? environment["CI_API_V4_URL"] ?? GitLabIssues.defaultAPI
            let found = try token(["GITLAB_TOKEN", "CI_JOB_TOKEN"])
            return GitLabIssues(project: project, token: found.value, apiURL: api, jobToken: found.name == "CI_JOB_TOKEN", extraLabels: settings.labels)
        }
    }

    /// Groups `findings` into tasks and brings the tracker in line; prints the summary.
    @discardableResult
    static func sync(_ findings: [Finding], settings: Pipeline.TaskSettings, root: String, configuration: Configuration,
                     closing: ClosingScope, dryRun: Bool, quiet: Bool) async throws -> TaskSync.Summary {
        let tracker = try self.tracker(settings, root: root)
        let tasks = TaskGrouping.tasks(for: findings, docs: { configuration.helpURI(for: $0) }, reproduce: reproduce)
        let summary: TaskSync.Summary
        do {
            summary = try await TaskSync.run(tasks, tracker: tracker, closing: settings.close ? closing : .none, dryRun: dryRun)
        } catch {
            throw UsageFailure("error: tasks: \(error)")
        }
        if !quiet {
            for task in summary.created { Terminal.writeStderr(TextEscaping.escape("task created: \(task.url ?? task.id)  \(task.title)") + "\n") }
            for task in summary.reopened { Terminal.writeStderr(TextEscaping.escape("task reopened: \(task.url ?? task.id)  \(task.title)") + "\n") }
            for task in summary.closed { Terminal.writeStderr(TextEscaping.escape("task closed: \(task.url ?? task.id)  \(task.title)") + "\n") }
        }
        for error in summary.errors { Terminal.writeStderr(TextEscaping.escape("error: tasks: \(error)") + "\n") }
        Terminal.writeStderr("tasks\(dryRun ? " (dry run)" : ""): \(summary.line) in \(tracker.name)\n")
        return summary
    }

    /// A command that shows a task's findings again.
    static func reproduce(_ task: SecurityTask) -> String? {
        let quoted = Shell.argument(task.component)
        switch task.scanner {
        case "python": return "rampart sast \(quoted)"
        case "secrets":
            return task.findings.contains { $0.commit != nil } ? "rampart secrets --history" : "rampart secrets \(quoted)"
        case "deps":
            let manifests = Set(task.findings.compactMap(\.location.path)).sorted()
            return manifests.isEmpty ? "rampart deps" : manifests.map { "rampart deps \(Shell.argument($0))" }.joined(separator: "\n")
        case "web": return "rampart web \(quoted)"
        case "host": return "rampart host --target \(quoted)"
        default: return nil
        }
    }
}
