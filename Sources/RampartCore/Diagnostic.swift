/// Something a scan could not do, or wants the user to know: an unreadable file, a skipped binary,
/// a scanner that failed, an expired ignore, an overrun time budget. Never a finding.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// What kind of problem, stable for machines: `binary-file`, `file-too-large`, `unreadable`,
    /// `symlink-loop`, `parse-error`, `scanner-failed`, `timeout`, `ignore-expired`, `config`.
    public var code: String
    public var level: Level
    public var message: String
    public var scanner: String?
    public var path: String?
    public var line: Int?

    public init(_ level: Level, code: String, message: String, scanner: String? = nil, path: String? = nil, line: Int? = nil) {
        self.level = level
        self.code = code
        self.message = message
        self.scanner = scanner
        self.path = path
        self.line = line
    }

    /// `path:line: message`, or the message alone.
    public var display: String {
        var place = ""
        if let path { place = line.map { "\(path):\($0): " } ?? "\(path): " }
        let who = scanner.map { "[\($0)] " } ?? ""
        // Paths and messages carry a repository's names and bytes: escaped, one line each.
        return TextEscaping.escape("\(level.rawValue): \(who)\(place)\(message)")
    }
}
