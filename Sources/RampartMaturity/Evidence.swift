import Foundation
import RampartCore
import RampartHistory
import RampartPipeline

/// A fact that supports an assessment: a line of a file, or a run of the findings history.
public struct Proof: Sendable, Equatable {
    public var text: String
    public var file: String?
    public var line: Int?

    public init(_ text: String, file: String? = nil, line: Int? = nil) {
        self.text = text
        self.file = file
        self.line = line
    }

    /// `rampart.yml:12: web activity in the test stage`.
    public var display: String {
        guard let file else { return text }
        return "\(file)\(line.map { ":\($0)" } ?? ""): \(text)"
    }
}

/// A text file of the repository, split in lines.
public struct TextFile: Sendable {
    public var path: String
    public var lines: [String]

    public init(path: String, text: String) {
        self.path = path
        lines = SourceText.splitLines(text).map(String.init)
    }

    /// Lines (1-based) that contain one of `needles`, ignoring case and `#` comment lines.
    public func find(_ needles: [String]) -> [Proof] {
        let lowered = needles.map { $0.lowercased() }
        var proofs: [Proof] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { continue }
            let text = trimmed.lowercased()
            if lowered.contains(where: { text.contains($0) }) {
                proofs.append(Proof(String(trimmed.prefix(160)), file: path, line: index + 1))
            }
        }
        return proofs
    }
}

/// Everything `rampart maturity` looks at: the pipeline file, the configuration, the CI files, the
/// pre-commit configuration, the findings history and the repository's files. Collected once;
/// the checks are pure functions of it.
public struct Evidence: Sendable {
    public var root: String
    public var pipeline: Pipeline?
    /// Why `rampart.yml` could not be read, if it exists and could not.
    public var pipelineError: String?
    /// `.rampart.yml`.
    public var config: TextFile?
    /// Workflows, `.gitlab-ci.yml`, `Jenkinsfile` and other CI definitions.
    public var ci: [TextFile]
    public var preCommit: TextFile?
    /// Paths relative to the root (at most `fileLimit`), without `.git` and dependency folders.
    public var files: [String]
    public var history: [FindingsHistory.Run]
    public var findings: [FindingsHistory.Record]
    /// Letters of `git log --format=%G?` for the last commits (signatures), when it is a repository.
    public var commitSignatures: [String]
    public var now: Date
    /// Files the checks read, each once (several checks read the same Dockerfile).
    let readCache = Locked<[String: TextFile?]>([:])

    public init(root: String, pipeline: Pipeline? = nil, pipelineError: String? = nil, config: TextFile? = nil, ci: [TextFile] = [],
                preCommit: TextFile? = nil, files: [String] = [], history: [FindingsHistory.Run] = [], findings: [FindingsHistory.Record] = [],
                commitSignatures: [String] = [], now: Date = Date()) {
        self.root = root
        self.pipeline = pipeline
        self.pipelineError = pipelineError
        self.config = config
        self.ci = ci
        self.preCommit = preCommit
        self.files = files
        self.history = history
        self.findings = findings
        self.commitSignatures = commitSignatures
        self.now = now
    }

    static let fileLimit = 50_000
    /// Dependencies, build output, and test fixtures and examples: their Dockerfiles and
    /// requirements are not the project's own.
    static let skippedFolders: Set<String> = [".git", "node_modules", ".build", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", "site-packages", ".rampart",
                                              "dist", "build", "Fixtures", "fixtures", "testdata", "test_data", "Corpus", "Golden", "examples"]

    /// Reads the evidence of the repository at `root`.
    public static func collect(root: String, pipelineFile: String? = nil, historyFile: String? = nil, now: Date = Date()) -> Evidence {
        var evidence = Evidence(root: root, now: now)
        evidence.files = walk(root)
        let pipelinePath = pipelineFile ?? root + "/" + PipelineLoader.defaultFile
        if FileManager.default.fileExists(atPath: pipelinePath) {
            do {
                evidence.pipeline = try PipelineLoader.load(path: pipelinePath, displayName: relative(pipelinePath, to: root))
            } catch {
                evidence.pipelineError = "\(error)"
            }
        }
        evidence.config = Configuration.fileNames.lazy.compactMap { read(root, $0) }.first
        evidence.preCommit = read(root, ".pre-commit-config.yaml") ?? read(root, ".pre-commit-config.yml")
        evidence.ci = evidence.files.filter(isCIFile).sorted().compactMap { read(root, $0) }
        let historyPath = historyFile ?? root + "/" + FindingsHistory.defaultPath
        if FileManager.default.fileExists(atPath: historyPath), let store = try? FindingsHistory(path: historyPath) {
            evidence.history = (try? store.runs()) ?? []
            evidence.findings = (try? store.records()) ?? []
        }
        if FileManager.default.fileExists(atPath: root + "/.git"),
           let log = try? Git.run(root: root, ["log", "--first-parent", "-100", "--format=%G?"], timeout: .seconds(20)),
           log.status == 0 {
            evidence.commitSignatures = log.stdout.split(separator: "\n").map(String.init)
        }
        return evidence
    }

    /// CI definitions: GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, Bitbucket, CircleCI,
    /// and a repository's own CI entry scripts (`.ci/`).
    static func isCIFile(_ path: String) -> Bool {
        if path.hasPrefix(".github/workflows/") && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) { return true }
        if path.hasPrefix(".ci/") && !path.dropFirst(4).contains("/") { return true }
        if path.hasSuffix(".gitlab-ci.yml") { return true }
        return ["Jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".circleci/config.yml", ".travis.yml"].contains(path)
    }

    static func relative(_ path: String, to root: String) -> String {
        let base = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// A text file of the repository, at most 2 MB (a regular file: no FIFO blocks the read).
    static func read(_ root: String, _ path: String) -> TextFile? {
        guard let bytes = try? FileReader.read(root + "/" + path, limit: 2 << 20) else { return nil }
        return TextFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The repository's files, breadth first, not following symbolic links, at most 12 folders deep.
    static func walk(_ root: String) -> [String] {
        var files: [String] = []
        var queue: [(String, Int)] = [("", 0)]
        var index = 0
        while index < queue.count, files.count < fileLimit {
            let (folder, depth) = queue[index]
            index += 1
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? root : root + "/" + folder) else { continue }
            for name in names.sorted() {
                let path = folder.isEmpty ? name : folder + "/" + name
                guard let type = (try? FileManager.default.attributesOfItem(atPath: root + "/" + path))?[.type] as? FileAttributeType else { continue }
                if type == .typeDirectory {
                    if depth < 12 && !skippedFolders.contains(name) { queue.append((path, depth + 1)) }
                } else if type == .typeRegular {
                    files.append(path)
                }
            }
        }
        return files
    }
}

extension Evidence {
    /// Every activity of the pipeline of `kind`, with its stage.
    public func activities(_ kind: Activity.Kind) -> [(stage: Pipeline.StageName, activity: Activity)] {
        pipeline?.stages.flatMap { stage in stage.activities.filter { $0.kind == kind }.map { (stage.name, $0) } } ?? []
    }

    /// The proof that CI runs `stage` of the pipeline: a CI line running `rampart pipeline run`
    /// for every stage, or with `--stage <stage>`, or Rampart's GitHub action.
    public func ciRuns(_ stage: Pipeline.StageName) -> Proof? {
        for file in ci {
            for proof in file.find(["rampart pipeline run", "rampart-sec/rampart@"]) {
                let text = proof.text
                if text.contains("--stage") && !text.contains("inputs.stage") {
                    if text.contains("--stage \(stage.rawValue)") || text.contains("--stage=\(stage.rawValue)") { return proof }
                } else {
                    return proof
                }
            }
        }
        return nil
    }

    /// Where a pipeline activity is declared.
    public func declared(_ item: (stage: Pipeline.StageName, activity: Activity), _ what: String? = nil) -> Proof {
        Proof(what ?? "\(item.activity.kind.rawValue) activity '\(item.activity.id)' in the \(item.stage.rawValue) stage",
              file: pipeline?.file, line: item.activity.line)
    }

    /// Activities of `kind` that CI runs, with both proofs.
    public func scheduled(_ kind: Activity.Kind) -> [(stage: Pipeline.StageName, activity: Activity, proofs: [Proof])] {
        activities(kind).compactMap { item in
            ciRuns(item.stage).map { (item.stage, item.activity, [declared(item), $0]) }
        }
    }

    /// CI lines mentioning one of `needles` (tools run as steps); lines that install tools or
    /// only name a step are not runs.
    public func ciMentions(_ needles: [String]) -> [Proof] {
        ci.flatMap { $0.find(needles) }.filter { proof in
            let text = proof.text.lowercased()
            return !(text.contains("install") || text.hasPrefix("name:") || text.hasPrefix("- name:") || text.hasPrefix("step ") || text.hasPrefix("echo "))
        }
    }

    public func preCommitMentions(_ needles: [String]) -> [Proof] { preCommit?.find(needles) ?? [] }

    /// Pipeline runs of the last `days` days.
    public func recentRuns(days: Double = 30) -> [FindingsHistory.Run] {
        history.filter { now.timeIntervalSince($0.at) <= days * 86_400 }
    }

    /// The most recent run in which an activity of `kind` ran to its end, within `days`.
    public func lastRun(of kind: Activity.Kind, days: Double = 30) -> Proof? {
        guard let run = recentRuns(days: days).last(where: { run in run.activities.contains { $0.kind == kind.rawValue && $0.status == "done" } }) else { return nil }
        let activity = run.activities.first { $0.kind == kind.rawValue && $0.status == "done" }
        return Proof("run \(run.id) on \(UTCDate.day(run.at)) (\(run.scope)): \(activity?.activity ?? kind.rawValue) ran, \(activity?.findings ?? 0) findings",
                     file: FindingsHistory.defaultPath)
    }

    /// Files whose path matches.
    public func files(_ predicate: (String) -> Bool) -> [String] { files.filter(predicate) }

    public func file(_ path: String) -> TextFile? {
        if let cached = readCache.withLock({ $0[path] }) { return cached }
        let file = Evidence.read(root, path)
        readCache.withLock { $0[path] = file }
        return file
    }

    /// The settings value of an activity as text (`active: true` → "true").
    public func setting(_ activity: Activity, _ key: String) -> String? {
        guard case .mapping(let entries, _) = activity.settings, let node = entries.first(where: { $0.key == key })?.value else { return nil }
        switch node {
        case .scalar(let text, _): return text
        case .mapping, .sequence: return "(set)"
        case .null: return nil
        }
    }

    public static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
}
