import Foundation

/// Where a configuration value came from: a file and its 1-based line, or a built-in default
/// (`line` 0, `path` says which: `OpenSSH default`, `kernel default`).
public struct ConfigOrigin: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public static func builtIn(_ what: String) -> ConfigOrigin { ConfigOrigin(path: what, line: 0) }

    public var isDefault: Bool { line == 0 }
    public var description: String { line > 0 ? "\(path):\(line)" : path }
}

/// Limits every resource applies to what it reads, so a hostile or broken image cannot make a
/// scan hang or exhaust memory.
enum ResourceLimits {
    /// One configuration file (sshd_config, a sysctl.d file, a PAM service).
    static let configBytes = 4 << 20
    /// Large databases (dpkg status, apk installed): real ones are a few MiB.
    static let databaseBytes = 128 << 20
    /// Files taken from one configuration folder.
    static let filesPerFolder = 4096
}

/// Text helpers shared by the line-oriented parsers.
enum ConfigText {
    /// Calls `body` with each line (without `\n` or a trailing `\r`) and its 1-based number.
    static func forEachLine(_ text: String, _ body: (Int, Substring) -> Void) {
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            body(number, raw.last == "\r" ? raw.dropLast() : raw)
        }
    }

    static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    static func trimmed(_ text: Substring) -> Substring {
        var start = text.startIndex, end = text.endIndex
        while start < end, text[start].isWhitespace { start = text.index(after: start) }
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return text[start..<end]
    }

    /// Splits on runs of spaces and tabs.
    static func fields(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// Byte order, as `strcmp` and `glob(3)` in the C locale sort: the tools whose order we mirror.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// Paths inside a target (always absolute, `/`-separated).
enum HostPath {
    static func join(_ folder: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `/a//b/./c/` → `/a/b/c`; `..` is kept lexical (targets resolve it themselves).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty, parts.last != ".." { parts.removeLast() } else if part != ".." { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The `*.conf` (or other `suffix`) files of systemd-style configuration folders: a file name
    /// in an earlier folder masks the same name in later ones, and the survivors are applied in
    /// byte order of their names whatever their folder (systemd's `conf_files_list`, procps'
    /// `sysctl --system`, kmod). A masking entry that cannot be read (a link to `/dev/null`)
    /// still masks: its reader simply finds nothing.
    /// A configuration drop-in read whole: nil for one masked by a link to `/dev/null`
    /// (systemd's convention, read as empty) or a dangling link, an error for one too large, a FIFO, a folder or
    /// unreadable: what it says cannot be known, so the controls reading it cannot pass.
    static func readConfig(_ path: String, on target: any HostTarget) -> Result<String?, HostError> {
        do throws(HostError) {
            return .success(String(decoding: try target.readAll(path, limit: ResourceLimits.configBytes), as: UTF8.self))
        } catch {
            if case .notAFile = error, target.info(path)?.kind == .characterDevice { return .success(nil) }
            // A dangling link (or a file gone since the listing) says nothing, as for the tools that read these folders.
            if case .notFound = error { return .success(nil) }
            return .failure(error)
        }
    }

    static func configFiles(in folders: [String], suffix: String, on target: any HostTarget) -> [String] {
        var chosen: [String: String] = [:]
        for folder in folders {
            guard let names = try? target.list(folder) else { continue }
            var taken = 0
            for name in names where name.hasSuffix(suffix) && name.count > suffix.count && !name.hasPrefix(".") {
                taken += 1
                if taken > ResourceLimits.filesPerFolder { break }
                if chosen[name] == nil { chosen[name] = join(folder, name) }
            }
        }
        return chosen.keys.sorted(by: ConfigText.byteOrder).compactMap { chosen[$0] }
    }

    /// Expands a glob(3) pattern against the target's folders, component by component: files in
    /// byte order, wildcards do not match a leading dot, no match gives an empty list. A path
    /// without wildcards comes back when it exists.
    static func expand(_ pattern: String, on target: any HostTarget, limit: Int = 1024) -> [String] {
        let components = pattern.split(separator: "/").map(String.init)
        var current = ["/"]
        for component in components {
            var next: [String] = []
            if Glob.hasWildcards(component) {
                let glob = Glob(component)
                for folder in current {
                    guard let names = try? target.list(folder) else { continue }
                    for name in names where glob.matches(name, leadingDot: true) {
                        next.append(join(folder, name))
                        if next.count >= limit { break }
                    }
                }
            } else {
                next = current.map { join($0, Glob.unescape(component)) }
            }
            current = next
            if current.isEmpty { return [] }
        }
        return current.filter { target.info($0) != nil }.sorted(by: ConfigText.byteOrder)
    }
}

/// Shell-style patterns (`fnmatch(3)` without flags, or with `FNM_PERIOD`): `*`, `?`, `[a-z]`,
/// `[!x]`/`[^x]`, backslash escapes. Matching runs in O(pattern × text) at worst, never
/// exponentially, whatever the pattern.
struct Glob: Sendable, Hashable {
    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any
        case star
        case set([ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    private let tokens: [Token]
    let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
        var tokens: [Token] = []
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                if tokens.last != .star { tokens.append(.star) }
                index += 1
            case "?":
                tokens.append(.any)
                index += 1
            case "\\" where index + 1 < scalars.count:
                tokens.append(.literal(scalars[index + 1]))
                index += 2
            case "[":
                if let (set, end) = Glob.parseSet(scalars, from: index) {
                    tokens.append(set)
                    index = end
                } else {
                    tokens.append(.literal("["))
                    index += 1
                }
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// A bracket expression starting at `start` (`[`), and the index after its `]`.
    private static func parseSet(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var first = true
        while index < scalars.count {
            var low = scalars[index]
            if low == "]" && !first { return (.set(ranges, negated: negated), index + 1) }
            first = false
            if low == "\\", index + 1 < scalars.count {
                index += 1
                low = scalars[index]
            }
            index += 1
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                let high = scalars[index + 1]
                if low <= high { ranges.append(low...high) }
                index += 2
            } else {
                ranges.append(low...low)
            }
        }
        return nil
    }

    static func hasWildcards(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = "", escaped = false
        for character in text {
            if character == "\\" && !escaped { escaped = true; continue }
            escaped = false
            result.append(character)
        }
        return result
    }

    /// Whether `text` matches the whole pattern; with `leadingDot`, a `.` at the start of `text`
    /// must be matched by a literal dot (`FNM_PERIOD`, glob's rule for hidden files).
    func matches(_ text: String, leadingDot: Bool = false) -> Bool {
        let scalars = Array(text.unicodeScalars)
        if leadingDot, scalars.first == ".", tokens.first != .literal(".") { return false }
        // Greedy matching with one backtrack point (the last star): linear in practice.
        var t = 0, s = 0
        var starToken = -1, starScalar = 0
        while s < scalars.count {
            if t < tokens.count {
                switch tokens[t] {
                case .star:
                    starToken = t
                    starScalar = s
                    t += 1
                    continue
                case .any:
                    t += 1
                    s += 1
                    continue
                case .literal(let expected) where expected == scalars[s]:
                    t += 1
                    s += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(scalars[s]) }) != negated:
                    t += 1
                    s += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            t = starToken + 1
            starScalar += 1
            s = starScalar
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }
}
