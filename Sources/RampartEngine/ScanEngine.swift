import Foundation
import Logging
import RampartCore
import RampartFiles

/// Runs scanners over a target under a time budget and turns their raw findings into a report:
/// rule settings, fingerprints, suppressions, ignores, thresholds and the baseline applied.
public struct ScanEngine: Sendable {
    public struct Request: Sendable {
        /// The scan root as the user named it.
        public var root: String
        public var configuration: Configuration
        public var scanners: [any SecurityScanner]
        public var baseline: Baseline?
        /// `--since REF`: only files changed since the merge base with REF.
        public var since: String?
        /// Today as `YYYY-MM-DD` (UTC), for ignore expiry.
        public var today: String
        /// How long cancelled scanners get to hand back partial results.
        public var gracePeriod: Duration

        public init(
            root: String, configuration: Configuration, scanners: [any SecurityScanner], baseline: Baseline? = nil,
            since: String? = nil, today: String = ScanEngine.today(), gracePeriod: Duration = .seconds(10)
        ) {
            self.root = root
            self.configuration = configuration
            self.scanners = scanners
            self.baseline = baseline
            self.since = since
            self.today = today
            self.gracePeriod = gracePeriod
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case since(String)

        public var description: String {
            switch self {
            case .since(let message): "--since: \(message)"
            }
        }
    }

    public var toolVersion: String
    public var logger: Logger
    public var progress: (any ProgressSink)?

    public init(toolVersion: String, logger: Logger = Logger(label: "rampart"), progress: (any ProgressSink)? = nil) {
        self.toolVersion = toolVersion
        self.logger = logger
        self.progress = progress
    }

    public static func today(_ date: Date = Date()) -> String { UTCDate.day(date) }

    public func run(_ request: Request) async throws -> ScanReport {
        let start = Date()
        let clock = ContinuousClock()
        let started = clock.now
        let configuration = request.configuration
        let scanners = request.scanners.filter { configuration.isEnabled(scanner: $0.id) }
        let target = ScanEngine.absolute(request.root)
        // A single file is scanned as itself inside its folder, so paths stay relative to a folder.
        var isFolder: ObjCBool = false
        let targetExists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        let root = targetExists && !isFolder.boolValue ? (target as NSString).deletingLastPathComponent : target

        let discovery = FileDiscovery(options: .init(configuration: configuration)).discover(root: target)
        var diagnostics = discovery.diagnostics
        var files = discovery.files
        var passedOver = discovery.passedOver
        logger.debug("discovered \(files.count) files", metadata: ["skipped": "\(discovery.skipped)"])
        if let since = request.since {
            let changed: Set<String>
            do {
                changed = try await GitChangeSet.changedFiles(root: root, since: since)
            } catch {
                throw Failure.since("\(error)")
            }
            files = files.filter { changed.contains($0.path) }
            passedOver = passedOver.filter { changed.contains($0.file.path) }
            logger.debug("\(files.count) files changed since \(since)")
        }
        let wanted = files.filter { file in scanners.contains { $0.wants(file) } }
        let total = scanners.reduce(0) { sum, scanner in sum + files.count { scanner.wants($0) } }
        progress?.begin(total: total)

        let progress = self.progress
        var context = ScanContext(
            root: root, files: wanted, configuration: configuration, logger: logger,
            onFileScanned: { scanner in progress?.fileScanned(scanner: scanner) }
        )
        context.passedOver = passedOver
        let outcome = await runScanners(scanners, context: context, timeout: configuration.timeout, grace: request.gracePeriod)
        progress?.end()
        diagnostics += outcome.diagnostics

        var post = FindingProcessor(
            root: root, configuration: configuration, rules: scanners.flatMap { $0.rules }, today: request.today
        )
        var findings = post.process(outcome.findings)
        diagnostics += post.diagnostics

        var belowThreshold = 0
        findings.removeAll { finding in
            let below = finding.severity < configuration.severityThreshold || finding.confidence < configuration.confidenceThreshold
            if below { belowThreshold += 1 }
            return below
        }
        var baselined = 0
        if let baseline = request.baseline {
            findings.removeAll { finding in
                let known = baseline.contains(finding)
                if known { baselined += 1 }
                return known
            }
        }
        Finding.sortInReportOrder(&findings)

        return ScanReport(
            toolVersion: toolVersion,
            target: .init(path: request.root, since: request.since),
            findings: findings,
            diagnostics: ScanEngine.deduplicated(diagnostics),
            rules: scanners.flatMap { $0.rules }.sorted { $0.id < $1.id },
            scanners: outcome.runs,
            files: wanted.count,
            baselined: baselined,
            belowThreshold: belowThreshold,
            startTime: start,
            durationMs: ScanEngine.milliseconds(clock.now - started),
            failOn: configuration.failOn,
            timedOut: outcome.timedOut || outcome.scannerBudgetRanOut
        )
    }

    private struct Outcome {
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var runs: [ScanReport.ScannerRun] = []
        var timedOut = false
        /// A scanner's own budget ended it (it said so in its diagnostics).
        var scannerBudgetRanOut = false
    }

    private enum Event: Sendable {
        case finished(index: Int, output: ScannerOutput, duration: Duration)
        case deadline
        case graceOver
    }

    /// Runs every scanner at once. At the deadline they are cancelled and get `grace` to hand back
    /// what they have; one that still has not returned is reported as unfinished and left behind.
    private func runScanners(_ scanners: [any SecurityScanner], context: ScanContext, timeout: Double, grace: Duration) async -> Outcome {
        var outcome = Outcome()
        guard !scanners.isEmpty else { return outcome }
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        let clock = ContinuousClock()
        let tasks = scanners.enumerated().map { index, scanner in
            Task {
                let started = clock.now
                let output = await scanner.scan(context)
                continuation.yield(.finished(index: index, output: output, duration: clock.now - started))
            }
        }
        let budget = Duration.milliseconds(Int64(min(timeout, 1e9) * 1000))
        var timers = [Task {
            try? await Task.sleep(for: budget)
            if !Task.isCancelled { continuation.yield(.deadline) }
        }]
        var finished: [Int: ScanReport.ScannerRun] = [:]
        loop: for await event in events {
            switch event {
            case .finished(let index, let output, let duration):
                let scanner = scanners[index]
                outcome.findings += output.findings.map { finding in
                    var finding = finding
                    if finding.scanner.isEmpty { finding.scanner = scanner.id }
                    return finding
                }
                outcome.diagnostics += output.diagnostics
                finished[index] = .init(
                    id: scanner.id, title: scanner.title, filesScanned: output.filesScanned,
                    durationMs: ScanEngine.milliseconds(duration), completed: !outcome.timedOut && !output.timedOut, work: output.work
                )
                if output.timedOut { outcome.scannerBudgetRanOut = true }
                if finished.count == scanners.count { break loop }
            case .deadline:
                outcome.timedOut = true
                logger.warning("time budget of \(timeout) s ran out; cancelling scanners")
                tasks.forEach { $0.cancel() }
                timers.append(Task {
                    try? await Task.sleep(for: grace)
                    if !Task.isCancelled { continuation.yield(.graceOver) }
                })
            case .graceOver:
                break loop
            }
        }
        timers.forEach { $0.cancel() }
        continuation.finish()
        if outcome.timedOut {
            let unfinished = scanners.indices.filter { finished[$0] == nil }.map { scanners[$0].id }
            var message = "time budget of \(ScanEngine.seconds(timeout)) s ran out; results are partial"
            if !unfinished.isEmpty { message += " (did not finish: \(unfinished.joined(separator: ", ")))" }
            outcome.diagnostics.append(Diagnostic(.error, code: "timeout", message: message))
        }
        outcome.runs = scanners.indices.map { index in
            finished[index] ?? .init(id: scanners[index].id, title: scanners[index].title, filesScanned: 0, durationMs: 0, completed: false)
        }
        return outcome
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        if path == "." { return cwd }
        return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

/// Receives progress from a scan; the CLI draws it on a terminal.
public protocol ProgressSink: Sendable {
    func begin(total: Int)
    func fileScanned(scanner: String)
    func end()
}
