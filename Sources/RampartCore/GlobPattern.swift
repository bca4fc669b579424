/// A path pattern with `.gitignore` semantics, used for ignore files, include/exclude globs and
/// configured ignores.
///
/// - A pattern with a `/` at its start or middle is anchored to its base folder; otherwise it
///   matches a name at any depth (`*.py` matches `a/b/c.py`).
/// - A trailing `/` matches folders only. `!` negates (the caller decides what that means).
/// - `*` and `?` never match `/`; `**` as a whole segment matches any number of folders;
///   `[a-z]`, `[!a-z]` and `\x` work as in `fnmatch`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let isNegated: Bool
    public let directoryOnly: Bool
    /// Pattern segments, already split on `/`; `**` segments kept as `["**"]`.
    private let segments: [[UInt8]]

    /// Parses one pattern line. Returns nil for blank lines and comments.
    public init?(_ line: String) {
        var text = Substring(line)
        // Trailing spaces are ignored unless escaped by an odd number of backslashes.
        while text.hasSuffix(" ") {
            let backslashes = text.dropLast().reversed().prefix { $0 == "\\" }.count
            if backslashes % 2 == 1 { break }
            text = text.dropLast()
        }
        guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
        var negated = false
        if text.hasPrefix("!") {
            negated = true
            text = text.dropFirst()
        } else if text.hasPrefix("\\!") || text.hasPrefix("\\#") {
            text = text.dropFirst()
        }
        var dirOnly = false
        if text.hasSuffix("/") && !text.hasSuffix("\\/") {
            dirOnly = true
            text = text.dropLast()
        }
        guard !text.isEmpty else { return nil }
        var anchored = text.dropLast().contains("/")
        if text.hasPrefix("/") {
            anchored = true
            text = text.dropFirst()
        }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        if !anchored { parts.insert(Array("**".utf8), at: 0) }
        guard !parts.isEmpty else { return nil }
        // A trailing `/**` matches what is inside the folder, not the folder itself.
        if parts.count > 1, parts.last == Array("**".utf8) {
            parts.insert(Array("*".utf8), at: parts.count - 1)
        }
        self.source = line
        self.isNegated = negated
        self.directoryOnly = dirOnly
        self.segments = parts
    }

    public var description: String { source }

    /// Whether `path` (relative to the pattern's base, `/`-separated, no leading `/`) matches.
    public func matches(_ path: String, isDirectory: Bool) -> Bool {
        matches(segments: GlobPattern.segments(of: path)[...], isDirectory: isDirectory)
    }

    /// Whether a path already split by `GlobPattern.segments(of:)` matches; for matching one path
    /// against many patterns without splitting it again for each.
    public func matches(segments names: ArraySlice<[UInt8]>, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        return GlobPattern.match(segments[...], names)
    }

    /// A path's names as UTF-8 bytes.
    public static func segments(of path: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Whether `path` or any folder above it matches; for globs that should cover a folder's contents.
    public func matchesSelfOrAncestor(_ path: String, isDirectory: Bool) -> Bool {
        let names = GlobPattern.segments(of: path)
        for count in stride(from: names.count, through: 1, by: -1) {
            let isDir = count < names.count || isDirectory
            if directoryOnly && !isDir { continue }
            if GlobPattern.match(segments[...], names[..<count]) { return true }
        }
        return false
    }

    private static let doubleStar = Array("**".utf8)

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ names: ArraySlice<[UInt8]>) -> Bool {
        // Iterative matching with one backtrack point per `**`, like `*` within a name.
        var p = pattern.startIndex, n = names.startIndex
        var starP = -1, starN = -1
        while n < names.endIndex {
            if p < pattern.endIndex && pattern[p] == doubleStar {
                starP = p
                starN = n
                p += 1
            } else if p < pattern.endIndex && matchName(pattern[p], names[n]) {
                p += 1
                n += 1
            } else if starP >= 0 {
                starN += 1
                n = starN
                p = starP + 1
            } else {
                return false
            }
        }
        while p < pattern.endIndex && pattern[p] == doubleStar { p += 1 }
        return p == pattern.endIndex
    }

    /// `fnmatch` on one path segment, without `FNM_PATHNAME` concerns since segments hold no `/`.
    public static func matchName(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var p = 0, n = 0
        var starP = -1, starN = 0
        while n < name.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starN = n
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    p += 1
                    n += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, p, name[n]) {
                    if matched {
                        p = next
                        n += 1
                        continue
                    }
                } else {
                    var literal = c
                    var next = p + 1
                    if c == UInt8(ascii: "\\") && p + 1 < pattern.count {
                        literal = pattern[p + 1]
                        next = p + 2
                    }
                    if literal == name[n] {
                        p = next
                        n += 1
                        continue
                    }
                }
            }
            if starP >= 0 {
                starN += 1
                n = starN
                p = starP + 1
                continue
            }
            return false
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// Matches a `[...]` class at `start`; returns whether `byte` is in it and the index after `]`,
    /// or nil when the class is not closed (then `[` is a literal). POSIX classes (`[:digit:]`) work.
    private static func matchClass(_ pattern: [UInt8], _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count && (pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^")) {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < pattern.count {
            var c = pattern[i]
            if c == UInt8(ascii: "]") && !first {
                return (matched != negate, i + 1)
            }
            first = false
            if c == UInt8(ascii: "["), i + 1 < pattern.count, pattern[i + 1] == UInt8(ascii: ":"),
               let close = posixClassEnd(pattern, from: i + 2) {
                let name = String(decoding: pattern[(i + 2)..<close], as: UTF8.self)
                guard let test = posixClasses[name] else { return nil }
                if test(byte) { matched = true }
                i = close + 2
                continue
            }
            if c == UInt8(ascii: "\\") && i + 1 < pattern.count {
                i += 1
                c = pattern[i]
            }
            if i + 2 < pattern.count && pattern[i + 1] == UInt8(ascii: "-") && pattern[i + 2] != UInt8(ascii: "]") {
                var high = pattern[i + 2]
                var skip = 3
                if high == UInt8(ascii: "\\") && i + 3 < pattern.count {
                    high = pattern[i + 3]
                    skip = 4
                }
                if c <= byte && byte <= high { matched = true }
                i += skip
            } else {
                if c == byte { matched = true }
                i += 1
            }
        }
        return nil
    }

    /// The index of the `:` of the `:]` that closes a POSIX class name starting at `from`.
    private static func posixClassEnd(_ pattern: [UInt8], from: Int) -> Int? {
        var j = from
        while j + 1 < pattern.count {
            if pattern[j] == UInt8(ascii: ":") && pattern[j + 1] == UInt8(ascii: "]") { return j }
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(pattern[j]) else { return nil }
            j += 1
        }
        return nil
    }

    private static let posixClasses: [String: @Sendable (UInt8) -> Bool] = [
        "alnum": { isAlpha($0) || isDigit($0) },
        "alpha": { isAlpha($0) },
        "blank": { $0 == 0x20 || $0 == 0x09 },
        "cntrl": { $0 < 0x20 || $0 == 0x7F },
        "digit": { isDigit($0) },
        "graph": { $0 > 0x20 && $0 < 0x7F },
        "lower": { (0x61...0x7A).contains($0) },
        "print": { $0 >= 0x20 && $0 < 0x7F },
        "punct": { $0 > 0x20 && $0 < 0x7F && !isAlpha($0) && !isDigit($0) },
        "space": { $0 == 0x20 || (0x09...0x0D).contains($0) },
        "upper": { (0x41...0x5A).contains($0) },
        "xdigit": { isDigit($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) },
    ]

    private static func isAlpha(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
}

/// A list of globs where any match counts (include/exclude lists).
public struct GlobSet: Sendable, Hashable {
    public let patterns: [GlobPattern]

    public init(_ patterns: [String]) {
        self.patterns = patterns.compactMap(GlobPattern.init)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Whether the file at `path`, or a folder above it, matches one of the patterns.
    public func matches(file path: String) -> Bool {
        patterns.contains { $0.matchesSelfOrAncestor(path, isDirectory: false) }
    }
}
