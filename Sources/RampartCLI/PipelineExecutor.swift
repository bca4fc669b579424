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

/// Runs activities with the binary's scanners, each through the same path as its command.
struct CLIActivityExecutor: ActivityExecutor {
    let root: String
    let pipelineFile: String
    let since: String?
    /// A baseline file for every activity (else each reads .rampart.yml's).
    var baseline: String?
    /// Fingerprints accepted or rejected in the findings history, with why: they stop gating.
    var decisions: [String: String] = [:]

    static let decisionMarker = " in the findings history: "

    /// A finding as the scanner reported it, before the history's decision.
    static func withoutDecision(_ finding: Finding) -> Finding {
        guard finding.suppression?.reason?.contains(decisionMarker) == true else { return finding }
        var copy = finding
        copy.suppression = nil
        return copy
    }

    /// Paths rampart.yml names resolve inside the repository when the file is the repository's.
    var reader: NodeReader { NodeReader.forFile(pipelineFile, scanRoot: root) }

    /// The scanner behind a kind, and the settings keys the pipeline handles itself.
    func scanner(for kind: Activity.Kind) -> (any SecurityScanner)? {
        switch kind {
        case .sast: PythonSASTScanner()
        case .secrets: SecretsScanner()
        case .deps, .sbom: DepsScanner()
        case .web: WebScanner()
        case .host, .harden: HostScanner()
        case .external: nil
        }
    }

    static let ownKeys: [Activity.Kind: Set<String>] = [.secrets: ["source"], .sbom: ["output"], .harden: ["playbook", "apply"], .web: ["start"]]

    /// `start: {command, ready, timeout}` of a web activity: the app the pipeline runs for it.
    func appSettings(_ activity: Activity) throws(ConfigurationError) -> AppUnderTest.Settings? {
        guard activity.kind == .web, let node = setting(activity, "start") else { return nil }
        var command: String?, ready: String?, timeout = Duration.seconds(30)
        for entry in try reader.mapping(node, key: "web.start") {
            let key = "web.start.\(entry.key)"
            switch entry.key {
            case "command": command = try reader.string(entry.value, key: key)
            case "ready": ready = try reader.string(entry.value, key: key)
            case "timeout": timeout = .seconds(max(1, try reader.int(entry.value, key: key)))
            default: throw reader.error(entry.value, key: key, "unknown key; start takes command, ready and timeout")
            }
        }
        guard let command, !command.isEmpty else { throw reader.error(node, key: "web.start", "start needs a command") }
        guard let ready, let url = URL(string: ready), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw reader.error(node, key: "web.start", "start needs a ready URL (http://127.0.0.1:PORT/) that answers once the app is up")
        }
        let folder = (pipelineFile as NSString).deletingLastPathComponent
        return AppUnderTest.Settings(command: command, readyURL: ready, timeout: timeout, folder: folder.isEmpty ? "." : folder)
    }

    /// The settings without the pipeline's own keys: the scanner's section.
    func section(_ activity: Activity) -> ConfigNode {
        guard case .mapping(let entries, let position) = activity.settings else { return activity.settings }
        let own = Self.ownKeys[activity.kind] ?? []
        return .mapping(entries.filter { !own.contains($0.key) }, position)
    }

    func setting(_ activity: Activity, _ key: String) -> ConfigNode? {
        guard case .mapping(let entries, _) = activity.settings else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// `external: {command, tool, output}`: a tool the pipeline runs, whose report is imported.
    func externalSettings(_ activity: Activity) throws(ConfigurationError) -> (command: String, adapter: any ToolAdapter, output: String) {
        var command: String?, tool: String?, output: String?
        for entry in try reader.mapping(activity.settings, key: "external") {
            let key = "external.\(entry.key)"
            switch entry.key {
            case "command": command = try reader.string(entry.value, key: key)
            case "tool": tool = try reader.string(entry.value, key: key)
            case "output": output = try reader.string(entry.value, key: key)
            default: throw reader.error(entry.value, key: key, "unknown key; external takes command, tool and output")
            }
        }
        guard let command, !command.isEmpty, let output, !output.isEmpty else {
            throw ConfigurationError(file: pipelineFile, line: activity.line, column: 0, key: "external", message: "an external activity needs a command and the output file it writes")
        }
        guard let tool, let adapter = ToolAdapters.named(tool) else {
            throw ConfigurationError(file: pipelineFile, line: activity.line, column: 0, key: "external.tool",
                                     message: "an external activity names its tool, one of \(ToolAdapters.all.map(\.tool).joined(separator: ", "))")
        }
        return (command, adapter, output)
    }

    func validate(_ activity: Activity) throws(ConfigurationError) {
        if activity.kind == .external {
            _ = try externalSettings(activity)
            return
        }
        guard let scanner = scanner(for: activity.kind) else { return }
        let configured = try scanner.configured(with: section(activity), reader: reader)
        let key = "\(activity.kind.rawValue)"
        switch activity.kind {
        case .secrets:
            if let source = setting(activity, "source") {
                let text = try reader.string(source, key: "\(key).source")
                guard SecretsSource(rawValue: text) != nil else { throw reader.error(source, key: "\(key).source", "expected tree, staged or history") }
            }
        case .web:
            _ = try appSettings(activity)
            guard (configured as? WebScanner)?.options.target != nil else {
                throw ConfigurationError(file: pipelineFile, line: activity.line, column: 0, key: key, message: "a web activity needs a target URL")
            }
        case .host, .harden:
            guard (configured as? HostScanner)?.options.targetSpec != nil else {
                throw ConfigurationError(file: pipelineFile, line: activity.line, column: 0, key: key, message: "a \(key) activity needs a target (local, dir:/path, ssh://user@host:port)")
            }
            if activity.kind == .harden {
                if let apply = setting(activity, "apply") { _ = try reader.bool(apply, key: "harden.apply") }
                if let playbook = setting(activity, "playbook") { _ = try reader.string(playbook, key: "harden.playbook") }
            }
        case .sbom:
            if let output = setting(activity, "output") { _ = try reader.string(output, key: "sbom.output") }
        case .sast, .deps, .external:
            break
        }
    }

    func describe(_ activity: Activity) -> String {
        let scope = activity.paths == ["."] ? "the repository" : activity.paths.joined(separator: ", ")
        let incremental = since.map { " changed since \($0)" } ?? ""
        switch activity.kind {
        case .sast: return "Python SAST (Bandit's checks) over \(scope)\(incremental)"
        case .secrets: return "secrets in the \(stringSetting(activity, "source") ?? "tree") of \(scope)\(incremental)"
        case .deps: return "vulnerable dependencies in the lockfiles of \(scope)"
        case .sbom: return "writes a CycloneDX SBOM to \(stringSetting(activity, "output") ?? "sbom.cdx.json")"
        case .web: return "a baseline scan of \(stringSetting(activity, "target") ?? "?")\(boolSetting(activity, "active") ? " with active checks" : "")"
        case .host: return "compliance of \(stringSetting(activity, "target") ?? "?")"
        case .external:
            return "runs `\(stringSetting(activity, "command") ?? "?")` and imports its \(stringSetting(activity, "tool") ?? "?") report"
        case .harden:
            let plan = stringSetting(activity, "playbook").map { "an Ansible playbook to \($0)" } ?? "the hardening plan"
            return "\(plan) for \(stringSetting(activity, "target") ?? "?")\(boolSetting(activity, "apply") ? ", applied natively" : "")"
        }
    }

    func stringSetting(_ activity: Activity, _ key: String) -> String? {
        guard case .scalar(let text, _)? = setting(activity, key) else { return nil }
        return text
    }

    func boolSetting(_ activity: Activity, _ key: String) -> Bool { stringSetting(activity, key).map { ["true", "yes", "on"].contains($0.lowercased()) } ?? false }

    /// Rough rates measured on the benchmarks (bench/*): files per second, requests per second.
    func estimate(_ activity: Activity) -> Duration {
        switch activity.kind {
        case .sast, .secrets, .deps, .sbom:
            let files = activity.paths.reduce(0) { $0 + Self.countFiles(root + "/" + $1, limit: 200_000) }
            let perSecond: Double = activity.kind == .sast ? 2_000 : activity.kind == .secrets ? 5_000 : 20_000
            return .milliseconds(Int64(200 + Double(files) / perSecond * 1000))
        case .web: return .seconds(boolSetting(activity, "active") ? 20 : 5)
        case .host, .harden: return .seconds(1)
        case .external: return .seconds(10)
        }
    }

    static func countFiles(_ path: String, limit: Int) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return 0 }
        var count = 0
        while count < limit, enumerator.nextObject() != nil { count += 1 }
        return count
    }

    func run(_ activity: Activity, budget: Duration, progress: @escaping @Sendable (String) -> Void) async -> ActivityResult {
        var result = ActivityResult(activityID: activity.id, kind: activity.kind)
        do {
            switch activity.kind {
            case .sbom:
                // A document, not findings: the deps activity reports the vulnerabilities.
                result.artifacts = [try writeSBOM(activity)]
            case .web:
                // The app under test, when the pipeline starts it: up before the scan, down after.
                var app: AppUnderTest?
                if let settings = try appSettings(activity) {
                    app = try await AppUnderTest.start(settings)
                    progress("the app under test answers")
                }
                defer { app?.stop() }
                result.report = try await scan(activity, scannerID: "web", budget: budget)
            case .external:
                result.report = try external(activity, budget: budget)
            case .harden:
                let (report, artifacts) = try await harden(activity, budget: budget)
                result.report = report
                result.artifacts = artifacts
            default:
                let id = scanner(for: activity.kind)?.id ?? activity.kind.rawValue
                result.report = try await scan(activity, scannerID: id, budget: budget)
            }
            if !decisions.isEmpty, var report = result.report {
                for index in report.findings.indices where report.findings[index].suppression == nil {
                    if let why = decisions[report.findings[index].fingerprint] { report.findings[index].suppression = Suppression(kind: .config, reason: why) }
                }
                result.report = report
            }
            if let report = result.report {
                if report.timedOut { result.failure = "ran out of its \(Int(budget.inSeconds)) s budget" }
                if let error = report.diagnostics.first(where: { $0.level == .error }) { result.failure = error.message }
                if activity.isFileBased, let since {
                    result.note = "incremental since \(since): \(report.files) file\(report.files == 1 ? "" : "s")"
                } else if activity.isFileBased {
                    result.note = "\(report.files) file\(report.files == 1 ? "" : "s")"
                }
            }
        } catch {
            result.failure = "\(error)"
        }
        return result
    }

    func scan(_ activity: Activity, scannerID: String, budget: Duration) async throws -> ScanReport {
        var arguments = ["--quiet", "--fail-on", "none", "--timeout", String(max(1, Int(budget.inSeconds)))]
        if let since, activity.isFileBased { arguments += ["--since", since] }
        if let baseline { arguments += ["--baseline", baseline] }
        let options = try CommonOptions.parse(arguments)
        var runner = ScanRunner(options: options, path: root)
        runner.onlyScanners = [scannerID]
        runner.sections = [scannerID: section(activity)]
        runner.paths = activity.paths
        if activity.kind == .secrets, let source = stringSetting(activity, "source").flatMap(SecretsSource.init(rawValue:)) {
            runner.secretsSource = source
            if source == .history, let since {
                // New commits only; the file filter of --since means nothing to a history scan.
                runner.historySince = since
                runner.options.since = nil
            }
        }
        return try await runner.run()
    }

    /// Runs the tool in the repository (a non-zero exit is how most report findings), then
    /// imports its report; the baseline applies as to every activity.
    func external(_ activity: Activity, budget: Duration) throws -> ScanReport {
        let settings = try externalSettings(activity)
        // The report stays inside the repository: its folder is made through no symlink, and a stale report is removed.
        let writer = ConfinedWriter(root: root)
        let outputPath: String
        do {
            outputPath = try writer.preparedPath(try writer.relativePath(settings.output))
        } catch {
            throw UsageFailure("\(settings.adapter.tool): cannot use output \(error)")
        }
        try? FileManager.default.removeItem(atPath: outputPath)
        let script = "cd \(Shell.quote(root)) && \(settings.command)"
        let run: ChildProcess.Output
        do {
            run = try ChildProcess.run(["/bin/sh", "-c", script], timeout: budget)
        } catch {
            throw UsageFailure("\(settings.adapter.tool): \(error)")
        }
        guard let bytes = try? ConfinedRoot(root).read(outputPath, limit: ImportedReport.maxBytes) else {
            // The tool's last line of complaint: the summary table keeps one line per activity.
            let said = run.stderr.split(separator: "\n").last.map { String($0.trimmingCharacters(in: .whitespaces).prefix(300)) } ?? ""
            throw UsageFailure("`\(settings.command)` (exit \(run.status)) wrote no \(settings.output)\(said.isEmpty ? "" : ": \(said)")")
        }
        let findings = ImportedReport.relativize(try settings.adapter.parse(Data(bytes), file: settings.output), to: root)
        let configuration = try CommonOptions.loadConfiguration(explicit: nil, scanRoot: root, scanners: ScannerCatalog.current)
        var report = ImportedReport.make(findings, tool: settings.adapter.tool, configuration: configuration, root: root)
        if let file = try baseline ?? configuration.baseline.map({ try ScanRunner.resolve($0, against: configuration, scanRoot: root) }),
           let accepted = try? Baseline.load(path: file) {
            let before = report.findings.count
            report.findings.removeAll { accepted.contains($0) }
            report.baselined = before - report.findings.count
        }
        return report
    }

    func writeSBOM(_ activity: Activity) throws -> String {
        let output = stringSetting(activity, "output") ?? "sbom.cdx.json"
        let configuration = try CommonOptions.loadConfiguration(explicit: nil, scanRoot: root, scanners: ScannerCatalog.current)
        let discovered = FileDiscovery(options: .init(configuration: configuration)).discover(root: root)
        let options = DepsOptions()
        let scanner = DepsScanner(options: options)
        let (dependencies, _) = DepsScanner.collect(root: root, manifests: scanner.manifests(files: discovered.files, passedOver: discovered.passedOver), options: options)
        let project = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        let text = CycloneDX.document(project: project, dependencies: dependencies, vulnerabilities: nil, toolVersion: RampartVersion.current).serialized(pretty: true) + "\n"
        try RepositoryWrite.write(output, in: root, Data(text.utf8))
        return output
    }

    /// Checks the host, then writes the playbook for what failed and, with `apply: true`,
    /// applies the same fixes natively (root file systems and the local machine).
    func harden(_ activity: Activity, budget: Duration) async throws -> (ScanReport?, [String]) {
        guard let scanner = try scanner(for: .harden)?.configured(with: section(activity), reader: reader) as? HostScanner,
              let spec = scanner.options.targetSpec else { throw UsageFailure("harden: no target") }
        let target = try HostTargets.parse(spec, ssh: scanner.options.ssh, name: scanner.options.targetName)
        let plan = HardeningPlan(target: target, profiles: scanner.options.profiles.isEmpty ? BuiltInProfiles.all : scanner.options.profiles,
                                 waivers: scanner.options.waivers)
        var artifacts: [String] = []
        if let playbook = stringSetting(activity, "playbook") {
            try RepositoryWrite.write(playbook, in: root, Data(plan.playbook.utf8))
            artifacts.append(playbook)
        }
        guard boolSetting(activity, "apply") else {
            // A plan: the host activity reports what fails; this one only writes the fix.
            return (nil, artifacts)
        }
        do {
            guard let writer = target as? any HostWriter else { throw UsageFailure("harden: the native engine cannot change \(target.name)") }
            let outcome = NativeHardening(target: writer, context: plan.context, checkOnly: false).apply(plan.fixable)
            if let first = outcome.errors.first { throw UsageFailure("harden: \(first.0): \(first.1)") }
        }
        // The findings are what still fails after the fixes.
        let report = try await scan(Activity(kind: .host, id: activity.id, budget: budget, settings: section(activity), line: activity.line), scannerID: "host", budget: budget)
        return (report, artifacts)
    }
}
