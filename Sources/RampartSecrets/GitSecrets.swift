import Foundation
import RampartCore

/// Secrets in what git holds: the index (`--staged`, for pre-commit) or every commit of every
/// ref (`--history`). Git's patch stream is read through a pipe as it is produced; each file's
/// added lines are scanned once, on all cores, while git keeps producing.
struct GitSecrets {
    enum Source: Sendable, Equatable {
        case staged
        /// Every commit of every ref, or with `since` only the commits on HEAD that `since`
        /// does not have (a pull request's).
        case history(since: String?)
    }

    let engine: SecretEngine
    let builder: SecretFindings
    let jobs: Int
    /// Gitleaks allowlists' `commits`: findings in these commits are not reported.
    var allowedCommits: [SecretAllowlist] = []
    /// The configuration's `exclude` and `include` globs, applied to the paths of changes.
    var exclude = GlobSet([])
    var include = GlobSet([])

    struct Result {
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var changesScanned = 0
    }

    static let format = "--format=%x01rampart-commit %H%x00%an%x00%ae%x00%aI%x00%s"

    static func arguments(_ source: Source) -> [String] {
        let common = ["-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false"]
        switch source {
        case .staged:
            return common + ["diff", "--cached", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--no-textconv"]
        case .history(let since):
            // Oldest first, so the first sighting of a secret is the commit that introduced it.
            // `--end-of-options` keeps a ref from being read as an option.
            let range = since.map { ["--end-of-options", "\($0)..HEAD"] } ?? ["--all"]
            return common + ["log", "--reverse", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--no-textconv", format] + range
        }
    }

    func scan(root: String, source: Source, isCancelled: @Sendable () -> Bool = { false }) -> Result {
        var result = Result()
        let collected = Locked<[(order: Int, commit: Int, finding: Finding)]>([])
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, jobs) * 2)
        let scanned = Locked(0)
        let truncated = Locked<[String]>([])
        let notSearched = Locked<[Diagnostic]>([])
        let engine = self.engine
        let builder = self.builder
        var order = 0
        // A hunk seen before (a cherry-pick, a rebased copy on another ref) is not scanned again:
        // its secrets were found at their first, older, sighting.
        var seenChanges = Set<Int>()
        // Changes are scanned in batches of about a megabyte: one hand-off per batch, not per file.
        var batch: [(position: Int, change: PatchParser.FileChange)] = []
        var batchBytes = 0
        func dispatchBatch() {
            guard !batch.isEmpty else { return }
            let work = batch
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            slots.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { slots.signal(); group.leave() }
                var found: [(order: Int, commit: Int, finding: Finding)] = []
                for (position, change) in work {
                    let (findings, diagnostics) = Self.findings(in: change, engine: engine, builder: builder)
                    found += findings.map { (position, change.commit, $0) }
                    if !diagnostics.isEmpty { notSearched.withLock { $0 += diagnostics } }
                    if change.truncated { truncated.withLock { $0.append(change.path) } }
                }
                scanned.withLock { $0 += work.count }
                if !found.isEmpty { collected.withLock { $0 += found } }
            }
        }
        let exclude = self.exclude, include = self.include
        var parser = PatchParser { change in
            if exclude.matches(file: change.path) || (!include.isEmpty && !include.matches(file: change.path)) { return }
            var hasher = Hasher()
            hasher.combine(change.path)
            hasher.combine(change.text)
            hasher.combine(change.lines)
            guard seenChanges.insert(hasher.finalize()).inserted else { return }
            order += 1
            batch.append((order, change))
            batchBytes += change.text.count
            if batchBytes >= 1 << 20 || batch.count >= 256 { dispatchBatch() }
        }
        // posix_spawn with close-on-exec pipes (ChildProcess), not Foundation.Process: a server
        // the pipeline starts at the same time must not hold git's pipe open, nor hide its end.
        let ended: ChildProcess.Ending
        do {
            ended = try Git.stream(root: root, Self.arguments(source), timeout: .seconds(86_400), errorLimit: 8192,
                                            isCancelled: isCancelled) { chunk in
                parser.feed(chunk)
                return true
            }
        } catch {
            result.diagnostics.append(Diagnostic(.error, code: "git-failed", message: "cannot run git: \(error)", scanner: "secrets"))
            return result
        }
        parser.finish()
        dispatchBatch()
        group.wait()
        if ended.status != 0 && !ended.stopped && !isCancelled() {
            let text = ended.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            result.diagnostics.append(Diagnostic(
                .error, code: "git-failed",
                message: "git could not read the \(source == .staged ? "index" : "history") of \(root): \(text.isEmpty ? "exit \(ended.status)" : text)",
                scanner: "secrets"
            ))
        }
        for path in Set(truncated.withLock { $0 }).sorted() {
            result.diagnostics.append(Diagnostic(.warning, code: "change-too-large", message: "only the first \(PatchParser.maxChangeBytes >> 20) MiB of a change were scanned", scanner: "secrets", path: path))
        }
        result.changesScanned = scanned.withLock { $0 }
        result.diagnostics += notSearched.withLock { $0 }

        // Each secret once per file: at the first commit (oldest) that added it.
        let commits = parser.commits.map(Self.commitInfo)
        var seen = Set<String>()
        for (_, commit, var finding) in collected.withLock({ $0 }).sorted(by: { ($0.order, $0.finding.location.display) < ($1.order, $1.finding.location.display) }) {
            if source != .staged, commit < commits.count {
                if allowedCommits.contains(where: { $0.allows(commit: commits[commit].sha) }) { continue }
                finding.commit = commits[commit]
            }
            let key = "\(finding.ruleId)\u{0}\(finding.location.path ?? "")\u{0}\(finding.secret?.digest ?? "")"
            guard seen.insert(key).inserted else { continue }
            result.findings.append(finding)
        }
        return result
    }

    /// The findings of one file's added lines; allow comments on the added line itself apply.
    static func findings(in change: PatchParser.FileChange, engine: SecretEngine, builder: SecretFindings) -> (findings: [Finding], diagnostics: [Diagnostic]) {
        change.text.withUnsafeBufferPointer { bytes in
            let (candidates, limitHits) = engine.scanReportingLimits(bytes, path: change.path)
            var diagnostics = SecretsScanner.notFullySearched(limitHits, in: bytes, path: change.path) { line in
                line >= 1 && line <= change.lines.count ? Int(change.lines[line - 1]) : line
            }
            if !diagnostics.isEmpty, let sha = change.commitSHA { diagnostics[0].message += " (commit \(sha.prefix(12)))" }
            guard !candidates.isEmpty else { return ([], diagnostics) }
            var findings = builder.findings(candidates, in: bytes, path: change.path, commit: change.commitSHA) { line in
                line >= 1 && line <= change.lines.count ? Int(change.lines[line - 1]) : line
            }
            // Lines of `text` in order, for allow comments.
            let lines = SourceText.splitLines(String(decoding: bytes, as: UTF8.self))
            var comments: [Int: [InlineSuppression]] = [:]
            for index in findings.indices {
                guard case .source(let location) = findings[index].location,
                      let textLine = change.lines.firstIndex(of: Int32(clamping: location.line)), textLine < lines.count else { continue }
                if comments[textLine] == nil { comments[textLine] = InlineSuppression.parse(line: lines[textLine]) }
                for comment in comments[textLine] ?? [] where comment.covers(nil, id: findings[index].ruleId) {
                    findings[index].suppression = Suppression(kind: comment.kind == .nosec ? .nosec : .inline, reason: comment.reason)
                    break
                }
            }
            return (findings, diagnostics)
        }
    }

    static func commitInfo(_ header: [UInt8]) -> CommitInfo {
        let fields = header.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
        return CommitInfo(sha: field(0), author: field(1), email: field(2), date: field(3), summary: field(4))
    }
}
