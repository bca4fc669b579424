import RampartCore

/// A task as a tracker holds it: an issue, or a Markdown file.
public struct TrackedTask: Sendable, Equatable {
    /// The tracker's id: an issue number (GitHub), iid (GitLab) or file name.
    public var id: String
    public var key: String
    /// The scanner of its findings, from the task's marker; nil when someone removed it.
    public var scanner: String?
    public var title: String
    public var body: String
    public var labels: [String]
    public var isOpen: Bool
    public var url: String?

    public init(id: String, key: String, scanner: String?, title: String, body: String, labels: [String], isOpen: Bool, url: String? = nil) {
        self.id = id
        self.key = key
        self.scanner = scanner
        self.title = title
        self.body = body
        self.labels = labels
        self.isOpen = isOpen
        self.url = url
    }

    /// Reads a task back from its text and labels: the marker, else the fingerprint label.
    init?(id: String, title: String, body: String, labels: [String], isOpen: Bool, url: String?) {
        let marker = TaskMarker.parse(body)
        guard let key = marker?.key ?? labels.first(where: { $0.hasPrefix(SecurityTask.keyPrefix) }) else { return nil }
        self.init(id: id, key: key, scanner: marker?.scanner, title: title, body: body, labels: labels, isOpen: isOpen, url: url)
    }
}

public struct TaskTrackerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Authentication or a missing repository: no later request can succeed.
    public var isFatal: Bool

    public init(_ description: String, isFatal: Bool = false) {
        self.description = description
        self.isFatal = isFatal
    }
}

/// Where tasks are kept: a Markdown folder, GitHub issues, GitLab issues.
public protocol TaskTracker: Sendable {
    /// For messages: `GitHub owner/repo`, `folder .rampart/tasks`.
    var name: String { get }
    /// Every task Rampart made here, open or closed.
    func list() async throws(TaskTrackerError) -> [TrackedTask]
    func create(_ task: SecurityTask) async throws(TaskTrackerError) -> TrackedTask
    /// New title, text and labels; `reopen` also opens it again, with `comment`.
    func update(_ tracked: TrackedTask, to task: SecurityTask, labels: [String], reopen: Bool, comment: String?) async throws(TaskTrackerError)
    func close(_ tracked: TrackedTask, comment: String) async throws(TaskTrackerError)
    /// After a sync, successful or not: release connections, write indexes.
    func finish() async
}

/// Which open tasks a run may close: those whose findings it looked for everywhere.
public enum ClosingScope: Sendable, Equatable {
    /// Every scanner ran over everything.
    case all
    /// Only these scanners ran completely (a pipeline of some stages, a report of some scanners).
    case scanners(Set<String>)

    public static let none = ClosingScope.scanners([])

    func allows(_ scanner: String?) -> Bool {
        switch self {
        case .all: true
        case .scanners(let scanners): scanner.map(scanners.contains) ?? false
        }
    }
}

/// Brings a tracker in line with this run's tasks: new ones created, changed ones updated, ones
/// whose findings are back reopened, ones without findings closed; unchanged ones not touched,
/// so two runs over the same findings leave one task each and send no writes.
public enum TaskSync {
    public struct Summary: Sendable, Equatable {
        public var created: [TrackedTask] = []
        public var updated: [TrackedTask] = []
        public var reopened: [TrackedTask] = []
        public var closed: [TrackedTask] = []
        public var unchanged = 0
        /// Open tasks without findings this run could not judge (a partial run).
        public var keptOpen = 0
        public var errors: [String] = []

        public var line: String {
            "\(created.count) created, \(updated.count) updated, \(reopened.count) reopened, \(closed.count) closed, \(unchanged) unchanged"
                + (keptOpen > 0 ? ", \(keptOpen) left open (not scanned in full this run)" : "")
                + (errors.isEmpty ? "" : ", \(errors.count) failed")
        }
    }

    public static func run(_ tasks: [SecurityTask], tracker: some TaskTracker, closing: ClosingScope, dryRun: Bool = false) async throws(TaskTrackerError) -> Summary {
        do {
            let summary = try await reconcile(tasks, tracker: tracker, closing: closing, dryRun: dryRun)
            await tracker.finish()
            return summary
        } catch {
            await tracker.finish()
            throw error
        }
    }

    static func reconcile(_ tasks: [SecurityTask], tracker: some TaskTracker, closing: ClosingScope, dryRun: Bool) async throws(TaskTrackerError) -> Summary {
        var summary = Summary()
        // Two tasks with one key (a person copied one): the open one, else the first, is Rampart's.
        var existing: [String: TrackedTask] = [:]
        for tracked in try await tracker.list() {
            if let other = existing[tracked.key], other.isOpen || !tracked.isOpen { continue }
            existing[tracked.key] = tracked
        }
        let current = Set(tasks.map(\.key))
        func attempt(_ what: String, _ action: () async throws(TaskTrackerError) -> Void) async throws(TaskTrackerError) -> Bool {
            if dryRun { return true }
            do {
                try await action()
                return true
            } catch where error.isFatal {
                throw error
            } catch {
                summary.errors.append("\(what): \(error)")
                return false
            }
        }
        for task in tasks {
            guard let tracked = existing[task.key] else {
                var created = TrackedTask(id: "", key: task.key, scanner: task.scanner, title: task.title, body: task.body, labels: task.labels, isOpen: true)
                if try await attempt("create \(task.key)", { () async throws(TaskTrackerError) in created = try await tracker.create(task) }) {
                    summary.created.append(created)
                }
                continue
            }
            let labels = mergedLabels(tracked.labels, task.labels)
            if !tracked.isOpen {
                let comment = "The findings of this task are back (\(task.findings.count)); reopened by Rampart."
                if try await attempt("reopen \(tracked.id)", { () async throws(TaskTrackerError) in
                    try await tracker.update(tracked, to: task, labels: labels, reopen: true, comment: comment)
                }) {
                    summary.reopened.append(tracked)
                }
            } else if tracked.title != task.title || tracked.body != task.body || Set(labels) != Set(tracked.labels) {
                if try await attempt("update \(tracked.id)", { () async throws(TaskTrackerError) in
                    try await tracker.update(tracked, to: task, labels: labels, reopen: false, comment: nil)
                }) {
                    summary.updated.append(tracked)
                }
            } else {
                summary.unchanged += 1
            }
        }
        for tracked in existing.values.sorted(by: { $0.id < $1.id }) where tracked.isOpen && !current.contains(tracked.key) {
            guard closing.allows(tracked.scanner) else {
                summary.keptOpen += 1
                continue
            }
            let comment = "No finding of this task is left (fixed, accepted or baselined): closed by Rampart."
            if try await attempt("close \(tracked.id)", { () async throws(TaskTrackerError) in try await tracker.close(tracked, comment: comment) }) {
                summary.closed.append(tracked)
            }
        }
        return summary
    }

    /// A person's labels stay; Rampart's severity label follows the task.
    static func mergedLabels(_ current: [String], _ task: [String]) -> [String] {
        var labels = current.filter { !$0.hasPrefix("severity:") }
        for label in task where !labels.contains(label) { labels.append(label) }
        return labels
    }
}
