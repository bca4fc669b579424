import ArgumentParser
import Foundation
import RampartCore
import RampartMaturity

/// `rampart maturity`: the OWASP DSOMM activities the evidence shows, per sub-dimension the level
/// reached and what to do next; as text, JSON, HTML, and the DSOMM app's progress and evidence files.
struct MaturityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Assess the repository against the OWASP DevSecOps Maturity Model (DSOMM) from the evidence it leaves.",
        discussion: """
        Reads rampart.yml, .rampart.yml, the CI files (.github/workflows, .gitlab-ci.yml, Jenkinsfile, …), \
        .pre-commit-config.yaml, the findings history and the repository's files. The model is read at run time \
        (--model, $RAMPART_DSOMM_MODEL, ~/.local/share/rampart/dsomm/model.yaml): Rampart does not ship it. \
        See docs/maturity.md.
        """
    )

    @Argument(help: "The repository (default: the current folder).")
    var path: String = "."

    @Option(help: ArgumentHelp("The DSOMM model.yaml (the data project's generated/model.yaml).", valueName: "path"))
    var model: String?

    @Option(help: ArgumentHelp("The team's name in the DSOMM files (default: the repository folder's name).", valueName: "name"))
    var team: String?

    @Option(help: ArgumentHelp("The report on standard output or --output: text (default), json, html.", valueName: "format"))
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Also write the HTML page (radar chart) here.", valueName: "path"))
    var html: String?

    @Option(help: ArgumentHelp("Also write the JSON report here.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Write team-progress.yaml and team-evidence.yaml for the DSOMM app into this folder (dates already there are kept).", valueName: "folder"))
    var dsomm: String?

    @Option(help: ArgumentHelp("The DSOMM app's meta.yaml: its progressDefinition names the states written.", valueName: "path"))
    var meta: String?

    @Option(name: .customLong("link"), help: ArgumentHelp("A link attached to every evidence entry (the CI run, the reports); repeatable.", valueName: "url"))
    var links: [String] = []

    @Option(help: ArgumentHelp("The pipeline file (default: rampart.yml in the repository).", valueName: "path"))
    var pipeline: String?

    @Option(help: ArgumentHelp("The findings history (default: .rampart/findings.db in the repository).", valueName: "path"))
    var history: String?

    @Flag(name: .shortAndLong, help: "Every proof of every activity.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Time budget in seconds for reading the evidence (default 600); past it, exit 3.", valueName: "seconds"))
    var timeout: Double = 600

    func validate() throws {
        guard ["text", "json", "html"].contains(format) else { throw ValidationError("--format takes text, json or html, not '\(format)'") }
    }

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageFailure("error: no such folder: \(path)")
        }
        let modelPath = model ?? DSOMMModel.defaultLocations().first { FileManager.default.fileExists(atPath: $0) }
        guard let modelPath else {
            throw UsageFailure("error: no DSOMM model found (looked in \(DSOMMModel.defaultLocations().joined(separator: ", "))). \(DSOMMModel.whereToGetIt)")
        }
        let dsommModel: DSOMMModel
        do {
            dsommModel = try DSOMMModel.load(path: modelPath)
        } catch {
            throw UsageFailure("error: \(error)")
        }
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        let (pipeline, history) = (self.pipeline, self.history)
        // The repository's files are walked and read: bounded in size and depth, and in time here.
        let evidence = try await CommandBudget.run(seconds: timeout, doing: "reading the repository's evidence") {
            Evidence.collect(root: root, pipelineFile: pipeline, historyFile: history)
        }
        if let problem = evidence.pipelineError { Terminal.writeStderr(TextEscaping.escape("warning: rampart.yml is not valid, assessed without it: \(problem)") + "\n") }
        let team = self.team ?? (root as NSString).lastPathComponent
        let report = MaturityReport.assess(model: dsommModel, evidence: evidence, team: team)
        let text = switch format {
        case "json": MaturityRenderer.json(report)
        case "html": MaturityRenderer.html(report)
        default: MaturityRenderer.text(report, verbose: verbose)
        }
        if let output { try write(output, text) } else { Terminal.writeStdout(text) }
        if let html { try write(html, MaturityRenderer.html(report)) }
        if let json { try write(json, MaturityRenderer.json(report)) }
        if let dsomm {
            var states = DSOMMAppFiles.States.default
            if let meta {
                do {
                    states = try DSOMMAppFiles.states(meta: meta)
                } catch {
                    throw UsageFailure("error: \(error)")
                }
            }
            let progressPath = dsomm + "/team-progress.yaml"
            let previous = FileReader.data(progressPath, limit: 16 << 20).map { String(decoding: $0, as: UTF8.self) }
            try write(progressPath, DSOMMAppFiles.progress(report, states: states, previous: previous))
            try write(dsomm + "/team-evidence.yaml", DSOMMAppFiles.evidence(report, links: links))
        }
    }

    func write(_ path: String, _ text: String) throws {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try Terminal.writeFile(path, Data(text.utf8))
        } catch {
            throw UsageFailure("error: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
