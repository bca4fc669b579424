import Foundation
import RampartCore

/// Reads an existing Bandit configuration so a team can switch without rewriting it:
/// `[tool.bandit]` in `pyproject.toml` and the `.bandit` INI file at the scan root, or a Bandit
/// YAML file named by `python: {bandit_config: …}`.
public struct BanditSettings: Sendable, Hashable {
    public var tests: [String] = []
    public var skips: [String] = []
    public var excludes: [String] = []
    public var assertSkips: [String]?
    public var tmpDirectories: [String]?
    public var checkTypedException: Bool?
    /// Where the settings came from, for messages.
    public var source: String?

    public init() {}

    public var isEmpty: Bool {
        tests.isEmpty && skips.isEmpty && excludes.isEmpty && assertSkips == nil && tmpDirectories == nil && checkTypedException == nil
    }

    /// Whether Bandit's `exclude`/`exclude_dirs` leaves out a file (a path component, a prefix or a glob).
    public func excludes(_ path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        for raw in excludes {
            var pattern = raw
            while pattern.hasPrefix("./") { pattern.removeFirst(2) }
            while pattern.hasSuffix("/") { pattern.removeLast() }
            guard !pattern.isEmpty else { continue }
            if components.contains(pattern) || path.hasPrefix(pattern + "/") || path == pattern || fnmatch(pattern, path) { return true }
        }
        return false
    }
}

public enum BanditConfigImport {
    /// The Bandit settings found at `root`: `pyproject.toml`'s `[tool.bandit]`, else `.bandit`.
    public static func discover(root: String) -> (BanditSettings?, [Diagnostic]) {
        let confined = ConfinedRoot(root)
        if let text = read(confined, "pyproject.toml") {
            let (settings, problems) = fromPyproject(text)
            if var settings, !settings.isEmpty {
                settings.source = "pyproject.toml"
                return (settings, problems)
            }
        }
        if let text = read(confined, ".bandit") {
            var settings = fromINI(text)
            settings.source = ".bandit"
            return (settings.isEmpty ? nil : settings, [])
        }
        return (nil, [])
    }

    /// A file the repository names, read only when it resolves inside the repository.
    static func read(_ confined: ConfinedRoot, _ name: String) -> String? {
        (try? confined.read(name, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Bandit's YAML configuration (`bandit -c bandit.yaml`).
    public static func fromYAML(_ text: String, file: String) throws(ConfigurationError) -> BanditSettings {
        let root = try ConfigNode.parse(yaml: text, file: file)
        let reader = NodeReader(file: file)
        var settings = BanditSettings()
        for entry in try reader.mapping(root, key: nil) {
            switch entry.key {
            case "tests": settings.tests = try reader.strings(entry.value, key: entry.key)
            case "skips": settings.skips = try reader.strings(entry.value, key: entry.key)
            case "exclude_dirs", "exclude": settings.excludes = try reader.strings(entry.value, key: entry.key)
            case "assert_used":
                for sub in try reader.mapping(entry.value, key: entry.key) where sub.key == "skips" {
                    settings.assertSkips = try reader.strings(sub.value, key: "assert_used.skips")
                }
            case "hardcoded_tmp_directory":
                for sub in try reader.mapping(entry.value, key: entry.key) where sub.key == "tmp_dirs" {
                    settings.tmpDirectories = try reader.strings(sub.value, key: "hardcoded_tmp_directory.tmp_dirs")
                }
            case "try_except_pass", "try_except_continue":
                for sub in try reader.mapping(entry.value, key: entry.key) where sub.key == "check_typed_exception" {
                    settings.checkTypedException = try reader.bool(sub.value, key: "\(entry.key).check_typed_exception")
                }
            default:
                // Bandit ignores settings of plugins it does not know; so does Rampart.
                continue
            }
        }
        settings.source = file
        return settings
    }

    /// The `[bandit]` section of a `.bandit` INI file: comma-separated `tests`, `skips`, `exclude`.
    public static func fromINI(_ text: String) -> BanditSettings {
        var settings = BanditSettings()
        var inSection = false
        for rawLine in SourceText.splitLines(text) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inSection = line == "[bandit]"
                continue
            }
            guard inSection, !line.hasPrefix("#"), !line.hasPrefix(";"), let eq = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let values = line[line.index(after: eq)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch key {
            case "tests": settings.tests = values
            case "skips": settings.skips = values
            case "exclude", "exclude_dirs": settings.excludes = values
            default: continue
            }
        }
        return settings
    }

    /// `[tool.bandit]` (and its `[tool.bandit.<plugin>]` tables) of a `pyproject.toml`. A small
    /// reader for the shapes Bandit uses: strings, booleans and arrays of strings.
    public static func fromPyproject(_ text: String) -> (BanditSettings?, [Diagnostic]) {
        var table: String?
        var values: [String: TOMLValue] = [:]
        var pendingKey: String?
        var pendingText = ""
        for rawLine in SourceText.splitLines(text) {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if let key = pendingKey {
                pendingText += " " + line
                if line.contains("]") {
                    values[key] = TOMLValue.parse(pendingText)
                    pendingKey = nil
                }
                continue
            }
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                table = name == "tool.bandit" || name.hasPrefix("tool.bandit.") ? name : nil
                continue
            }
            guard let table, let eq = line.firstIndex(of: "=") else { continue }
            let key = table + "." + line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") && !value.contains("]") {
                pendingKey = key
                pendingText = value
            } else {
                values[key] = TOMLValue.parse(value)
            }
        }
        guard !values.isEmpty else { return (nil, []) }
        var settings = BanditSettings()
        settings.tests = values["tool.bandit.tests"]?.strings ?? []
        settings.skips = values["tool.bandit.skips"]?.strings ?? []
        settings.excludes = values["tool.bandit.exclude_dirs"]?.strings ?? values["tool.bandit.exclude"]?.strings ?? []
        settings.assertSkips = values["tool.bandit.assert_used.skips"]?.strings
        settings.tmpDirectories = values["tool.bandit.hardcoded_tmp_directory.tmp_dirs"]?.strings
        settings.checkTypedException = values["tool.bandit.try_except_pass.check_typed_exception"]?.bool
        return (settings, [])
    }

    static func stripComment(_ line: String) -> String {
        var quote: Character?
        for (offset, c) in line.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return String(line.prefix(offset))
            }
        }
        return line
    }
}

/// The TOML values Bandit's settings use.
enum TOMLValue {
    case string(String)
    case bool(Bool)
    case array([String])
    case other

    static func parse(_ text: String) -> TOMLValue {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value == "true" { return .bool(true) }
        if value == "false" { return .bool(false) }
        if value.hasPrefix("[") {
            var items: [String] = []
            var current = ""
            var quote: Character?
            for c in value.dropFirst() {
                if let q = quote {
                    if c == q {
                        items.append(current)
                        current = ""
                        quote = nil
                    } else {
                        current.append(c)
                    }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "]" {
                    break
                }
            }
            return .array(items)
        }
        if let first = value.first, first == "\"" || first == "'", value.count >= 2, value.last == first {
            return .string(String(value.dropFirst().dropLast()))
        }
        return .other
    }

    var strings: [String]? {
        switch self {
        case .array(let items): items
        case .string(let s): s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
