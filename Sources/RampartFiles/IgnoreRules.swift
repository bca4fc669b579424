import RampartCore

/// The patterns of one ignore file (`.gitignore`, `.rampartignore`, `.git/info/exclude`) with the
/// folder they are relative to.
struct IgnoreFile: Sendable {
    /// The folder holding the file, relative to the scan root (empty for the root or above it), split.
    var base: [[UInt8]]
    /// For a file in a folder above the scan root: the path from that folder down to the root, split.
    var outerPrefix: [[UInt8]]
    var patterns: [GlobPattern]

    init(base: String, outerPrefix: String = "", text: String) {
        self.base = GlobPattern.segments(of: base)
        self.outerPrefix = GlobPattern.segments(of: outerPrefix)
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        self.patterns = SourceText.splitLines(String(body)).compactMap { GlobPattern(String($0)) }
    }

    /// The verdict of the last pattern matching `path` (split, relative to the scan root):
    /// true ignored, false re-included, nil no match.
    func verdict(_ path: [[UInt8]], isDirectory: Bool) -> Bool? {
        guard path.count > base.count, path.starts(with: base) else { return nil }
        let relative = outerPrefix.isEmpty ? path[base.count...] : (outerPrefix + path[base.count...])[...]
        for pattern in patterns.reversed() where pattern.matches(segments: relative, isDirectory: isDirectory) {
            return !pattern.isNegated
        }
        return nil
    }
}

/// The ignore files in force for one folder: its own and those of every folder above it.
/// Deeper files win over shallower ones, and within a file the last matching pattern wins, as in git.
struct IgnoreStack: Sendable {
    private(set) var files: [IgnoreFile] = []

    func adding(_ file: IgnoreFile?) -> IgnoreStack {
        guard let file, !file.patterns.isEmpty else { return self }
        var copy = self
        copy.files.append(file)
        return copy
    }

    func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        guard !files.isEmpty else { return false }
        let path = GlobPattern.segments(of: path)
        for file in files.reversed() {
            if let verdict = file.verdict(path, isDirectory: isDirectory) { return verdict }
        }
        return false
    }
}
