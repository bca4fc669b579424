import Foundation
import RampartCore

/// Tasks as Markdown files in a folder, one per task (`<key>.md`, with a small front matter for
/// its state and labels), and a `README.md` index of the open ones. Meant to be committed, or
/// published as a CI artifact.
public struct MarkdownTaskFolder: TaskTracker {
    public let folder: String
    public var extraLabels: [String]

    public init(folder: String, extraLabels: [String] = []) {
        self.folder = folder
        self.extraLabels = extraLabels
    }

    public var name: String { "folder \(folder)" }

    static let index = "README.md"

    public func list() async throws(TaskTrackerError) -> [TrackedTask] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            if !FileManager.default.fileExists(atPath: folder) { return [] }
            throw TaskTrackerError("cannot read \(folder): \(error.localizedDescription)", isFatal: true)
        }
        return names.filter { $0.hasSuffix(".md") && $0 != Self.index }.sorted().compactMap { name in
            // A file that is not a task (or not text, or huge) is no task of ours.
            guard let data = FileManager.default.contents(atPath: folder + "/" + name), data.count < 4 << 20,
                  let text = String(data: data, encoding: .utf8) else { return nil }
            return Self.parse(text, id: name)
        }
    }

    public func create(_ task: SecurityTask) async throws(TaskTrackerError) -> TrackedTask {
        let tracked = TrackedTask(id: task.key + ".md", key: task.key, scanner: task.scanner, title: task.title, body: task.body,
                                  labels: task.labels + extraLabels.filter { !task.labels.contains($0) }, isOpen: true)
        try write(tracked)
        return tracked
    }

    public func update(_ tracked: TrackedTask, to task: SecurityTask, labels: [String], reopen: Bool, comment: String?) async throws(TaskTrackerError) {
        var updated = tracked
        updated.title = task.title
        updated.body = task.body
        updated.labels = labels
        updated.isOpen = true
        try write(updated)
    }

    public func close(_ tracked: TrackedTask, comment: String) async throws(TaskTrackerError) {
        var closed = tracked
        closed.isOpen = false
        closed.body = tracked.body + "\n## Closed\n\n\(comment) (\(UTCDate.day(Date())))\n"
        try write(closed)
    }

    /// Writes the index of open tasks, most severe first.
    public func finish() async {
        guard let tasks = try? await list(), !tasks.isEmpty else { return }
        let open = tasks.filter(\.isOpen).sorted { (Self.rank($0), $0.title) < (Self.rank($1), $1.title) }
        var lines = ["# Security tasks", "", "\(open.count) open, \(tasks.count - open.count) closed. Written by `rampart tasks`; each file is one task.", ""]
        for task in open { lines.append("- [\(Markdown.inline(task.title))](\(task.id))") }
        try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/" + Self.index), options: .atomic)
    }

    static func rank(_ task: TrackedTask) -> Int {
        let severity = task.labels.first { $0.hasPrefix("severity:") }.flatMap { Severity(rawValue: String($0.dropFirst("severity:".count))) }
        return -(Severity.allCases.firstIndex(of: severity ?? .info) ?? 0)
    }

    func write(_ tracked: TrackedTask) throws(TaskTrackerError) {
        let text = Self.render(tracked)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + tracked.id), options: .atomic)
        } catch {
            throw TaskTrackerError("cannot write \(folder)/\(tracked.id): \(error.localizedDescription)", isFatal: true)
        }
    }

    static func render(_ tracked: TrackedTask) -> String {
        "---\nstate: \(tracked.isOpen ? "open" : "closed")\nlabels: [\(tracked.labels.joined(separator: ", "))]\n---\n# \(tracked.title)\n\n\(tracked.body)"
    }

    static func parse(_ text: String, id: String) -> TrackedTask? {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return nil }
        var state = "open"
        var labels: [String] = []
        for line in text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n") {
            if line.hasPrefix("state:") { state = line.dropFirst("state:".count).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("labels:") {
                labels = line.dropFirst("labels:".count).trimmingCharacters(in: CharacterSet(charactersIn: " []"))
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        let rest = text[end.upperBound...]
        guard rest.hasPrefix("# ") else { return nil }
        let titleEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
        let title = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<titleEnd])
        var body = rest[titleEnd...]
        if body.hasPrefix("\n\n") { body = body.dropFirst(2) }
        return TrackedTask(id: id, title: title, body: String(body), labels: labels, isOpen: state != "closed", url: nil)
    }
}
