/// A file the walk passed over that a scanner may still need (a lockfile over `max_file_size`,
/// a `requirements.txt` that is a symlink): the scanner that wants it reads it its own way, or
/// reports it as not checked, instead of it being skipped in silence.
public struct PassedOverFile: Sendable, Hashable {
    public enum Reason: String, Sendable {
        case tooLarge = "too-large"
        case symlink
    }

    public var file: SourceFile
    public var reason: Reason

    public init(file: SourceFile, reason: Reason) {
        self.file = file
        self.reason = reason
    }
}

/// A file selected for scanning, relative to the scan root with `/` separators.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var size: Int

    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }

    /// The last path component.
    public var name: String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The extension without the dot, lower-cased; empty when there is none (or for dotfiles).
    public var pathExtension: String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else { return "" }
        return String(path[utf8.index(after: dot)...]).lowercased()
    }
}
