import Foundation
import RampartCore

/// Tasks as Markdown files in a folder, one per task (`<key>.md`, with a small front matter for
/// its state and labels), and a `README.md` index of the open ones. Meant to be committed, or
/// published as a CI artifact. The folder is inside the repository and written through
/// `ConfinedWriter`: a `.rampart/tasks` symlink planted by the repository is refused, never
/// followed to overwrite files elsewhere.
public struct MarkdownTaskFolder: TaskTracker {
    /// The repository the folder belongs to.
    public let root: String
    /// The folder, relative to `root` (or absolute inside it).
    public let folder: String
    public var extraLabels: [String]

    public init(root: String, folder: String, extraLabels: [String] = []) {
        self.root = root
        self.folder = folder
        self.extraLabels = extraLabels
    }

    var writer: ConfinedWriter { ConfinedWriter(root: root) }

    public var name: String { "folder \(folder)" }

    static let index = "README.md"

    public func list() async throws(TaskTrackerError) -> [TrackedTask] {
        let relative: String
        do {
            relative = try writer.relativePath(folder)
        } catch {
            throw TaskTrackerError("cannot use \(error)", isFatal: true)
        }
        guard writer.exists(relative) else { return [] }
        // The folder must be a real folder inside the repository, reached through no symlink.
        let absolute: String
        do {
            absolute = try writer.preparedFolder(relative)
        } catch {
            throw TaskTrackerError("cannot read \(error)", isFatal: true)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: absolute)
        } catch {
            throw TaskTrackerError("cannot read \(TextEscaping.escape(folder)): \(error.localizedDescription)", isFatal: true)
        }
        let confined = ConfinedRoot(absolute)
        return names.filter { $0.hasSuffix(".md") && $0 != Self.index }.sorted().compactMap { name in
            // A file that is not a task (or not text, or huge, or a link out) is no task of ours.
            guard let bytes = try? confined.read(name, limit: 4 << 20), let text = String(validating: bytes, as: UTF8.self) else { return nil }
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
        try? writer.write(path(Self.index), Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func rank(_ task: TrackedTask) -> Int {
        let severity = task.labels.first { $0.hasPrefix("severity:") }.flatMap { Severity(rawValue: String($0.dropFirst("severity:".count))) }
        return -(Severity.allCases.firstIndex(of: severity ?? .info) ?? 0)
    }

    func write(_ tracked: TrackedTask) throws(TaskTrackerError) {
        let text = Self.render(tracked)
        do {
            try writer.write(path(tracked.id), Array(text.utf8))
        } catch {
            throw TaskTrackerError("cannot write \(error)", isFatal: true)
        }
    }

    /// A file of the folder, relative to the root.
    func path(_ name: String) -> String {
        let relative = (try? writer.relativePath(folder)) ?? folder
        return relative.isEmpty || relative == "." ? name : (relative.hasSuffix("/") ? relative : relative + "/") + name
    }

    static func render(_ tracked: TrackedTask) -> String {
        "---\nstate: \(tracked.isOpen ? "open" : "closed")\nlabels: [\(tracked.labels.joined(separator: ", "))]\n---\n# \(Markdown.inline(tracked.title))\n\n\(tracked.body)"
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
        let title = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<titleEnd]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        var body = rest[titleEnd...]
        if body.hasPrefix("\n\n") { body = body.dropFirst(2) }
        return TrackedTask(id: id, title: title, body: String(body), labels: labels, isOpen: state != "closed", url: nil)
    }
}
