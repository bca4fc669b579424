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
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The extension without the dot, lower-cased; empty when there is none.
    public var pathExtension: String {
        let name = self.name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
