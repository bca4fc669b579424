import Foundation

/// Reads `.rampart.yml` into a `Configuration`, rejecting unknown keys and wrong types with the
/// file, line and key.
public struct ConfigurationLoader: Sendable {
    /// Scanner ids whose sections are accepted at the top level.
    public var scannerIDs: Set<String>

    public init(scannerIDs: Set<String> = []) {
        self.scannerIDs = scannerIDs
    }

    public static let keys: [String] = [
        "scanners", "include", "exclude", "default_excludes", "severity", "confidence", "fail_on",
        "rules", "ignores", "baseline", "docs_base_url", "docs_url_suffix", "timeout", "file_timeout", "max_file_size",
        "follow_symlinks", "jobs",
    ]

    /// Finds `.rampart.yml` or `.rampart.yaml` in `directory`.
    public static func locate(in directory: String) -> String? {
        for name in Configuration.fileNames {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if (try? FileReader.readPrefix(path, count: 0)) != nil { return path }
        }
        return nil
    }

    /// Loads the file at `path` (1 MiB at most). With `confinement` (the file was found in the
    /// scanned repository), a `.rampart.yml` that is a symlink to a file outside is refused.
    public func load(path: String, displayName: String? = nil, confinement: ConfinedRoot? = nil) throws(ConfigurationError) -> Configuration {
        let name = displayName ?? path
        let bytes: [UInt8]
        do {
            if let confinement {
                do {
                    bytes = try confinement.read(ConfinedRoot.absolute(path), limit: 1 << 20)
                } catch {
                    throw ConfigurationError(file: name, line: 1, column: 1, key: nil, message: "cannot read configuration: \(error.reason)")
                }
            } else {
                bytes = try FileReader.read(path, limit: 1 << 20)
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: name, line: 1, column: 1, key: nil, message: "cannot read configuration: \(error)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(file: name, line: 1, column: 1, key: nil, message: "configuration is not valid UTF-8")
        }
        var configuration = try parse(yaml: text, file: name)
        configuration.sourcePath = path
        return configuration
    }

    /// Parses configuration text; `file` names it in errors.
    public func parse(yaml: String, file: String) throws(ConfigurationError) -> Configuration {
        let root = try ConfigNode.parse(yaml: yaml, file: file)
        var config = Configuration()
        let reader = NodeReader(file: file)
        if case .null = root { return config }
        var customRules: ConfigNode?
        for entry in try reader.mapping(root, key: nil) {
            let key = entry.key
            let value = entry.value
            switch key {
            case "scanners": config.scanners = try reader.strings(value, key: key)
            case "include": config.include = try reader.globs(value, key: key)
            case "exclude": config.exclude = try reader.globs(value, key: key)
            case "default_excludes": config.useDefaultExcludes = try reader.bool(value, key: key)
            case "severity": config.severityThreshold = try reader.severity(value, key: key)
            case "confidence": config.confidenceThreshold = try reader.confidence(value, key: key)
            case "fail_on":
                let text = try reader.string(value, key: key)
                guard let gate = GateThreshold(parsing: text) else {
                    throw reader.error(value, key: key, "expected one of info, low, medium, high, critical, none; found '\(text)'")
                }
                config.failOn = gate
            case "rules":
                if case .sequence = value {
                    // A list is custom rules (paths and inline rules), which the python scanner runs.
                    customRules = value
                } else {
                    config.rules = try readRules(value, reader: reader)
                }
            case "ignores": config.ignores = try readIgnores(value, reader: reader)
            case "baseline": config.baseline = try reader.string(value, key: key)
            case "docs_base_url":
                // It becomes links in Markdown, SARIF and HTML: a `javascript:` URL would be a script.
                let url = try reader.string(value, key: key)
                guard url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else {
                    throw reader.error(value, key: key, "must be an http(s) URL")
                }
                config.docsBaseURL = url
                config.docsURLSuffix = ""
            case "docs_url_suffix": config.docsURLSuffix = try reader.string(value, key: key)
            case "timeout":
                let seconds = try reader.number(value, key: key)
                guard seconds > 0 else { throw reader.error(value, key: key, "must be more than 0 seconds") }
                config.timeout = seconds
            case "file_timeout":
                let seconds = try reader.number(value, key: key)
                guard seconds > 0 else { throw reader.error(value, key: key, "must be more than 0 seconds") }
                config.fileTimeout = seconds
            case "max_file_size": config.maxFileSize = try reader.byteSize(value, key: key)
            case "follow_symlinks": config.followSymlinks = try reader.bool(value, key: key)
            case "jobs":
                let jobs = try reader.int(value, key: key)
                guard (1...256).contains(jobs) else { throw reader.error(value, key: key, "must be from 1 to 256") }
                config.jobs = jobs
            default:
                if scannerIDs.contains(key) {
                    config.scannerSections[key] = value
                } else {
                    throw ConfigurationError(file: file, at: entry.keyPosition, key: key, "unknown key" + Self.suggestion(for: key, among: Self.keys + scannerIDs.sorted()))
                }
            }
        }
        if let customRules {
            // Joined to the python section as its `rules:` (after any written there).
            let position = customRules.position
            switch config.scannerSections["python"] {
            case .mapping(let entries, let p)?:
                if let existing = entries.first(where: { $0.key == "rules" }), case .sequence(let items, _) = existing.value, case .sequence(let more, _) = customRules {
                    config.scannerSections["python"] = .mapping(entries.filter { $0.key != "rules" } + [("rules", existing.keyPosition, .sequence(items + more, position))], p)
                } else {
                    config.scannerSections["python"] = .mapping(entries + [("rules", position, customRules)], p)
                }
            default:
                config.scannerSections["python"] = .mapping([("rules", position, customRules)], position)
            }
        }
        if let scanners = config.scanners, !scannerIDs.isEmpty {
            for id in scanners where !scannerIDs.contains(id) {
                throw ConfigurationError(file: file, line: root.position.line, column: 1, key: "scanners", message: "unknown scanner '\(id)'; known: \(scannerIDs.sorted().joined(separator: ", "))")
            }
        }
        return config
    }

    private func readRules(_ node: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> [RuleID: RuleOverride] {
        var result: [RuleID: RuleOverride] = [:]
        for entry in try reader.mapping(node, key: "rules") {
            var override = RuleOverride()
            let key = "rules.\(entry.key)"
            switch entry.value {
            case .scalar(let text, _) where ["off", "false", "disabled"].contains(text.lowercased()):
                override.enabled = false
            case .scalar(let text, _) where ["on", "true", "enabled"].contains(text.lowercased()):
                override.enabled = true
            default:
                for setting in try reader.mapping(entry.value, key: key) {
                    switch setting.key {
                    case "enabled": override.enabled = try reader.bool(setting.value, key: "\(key).enabled")
                    case "severity": override.severity = try reader.severity(setting.value, key: "\(key).severity")
                    default:
                        throw ConfigurationError(file: reader.file, at: setting.keyPosition, key: "\(key).\(setting.key)", "unknown key" + Self.suggestion(for: setting.key, among: ["enabled", "severity"]))
                    }
                }
            }
            result[RuleID(entry.key)] = override
        }
        return result
    }

    private func readIgnores(_ node: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> [IgnoreEntry] {
        guard case .sequence(let items, _) = node else {
            throw reader.error(node, key: "ignores", "expected a list of {rule, path, reason, expires}, found \(node.kindName)")
        }
        var result: [IgnoreEntry] = []
        for item in items {
            var rule: String?, path: String?, reason: String?, expires: String?
            for field in try reader.mapping(item, key: "ignores") {
                let key = "ignores.\(field.key)"
                switch field.key {
                case "rule": rule = try reader.string(field.value, key: key)
                case "path": path = try reader.string(field.value, key: key)
                case "reason": reason = try reader.string(field.value, key: key)
                case "expires":
                    let text = try reader.string(field.value, key: key)
                    guard Self.isISODate(text) else {
                        throw reader.error(field.value, key: key, "expected a date as YYYY-MM-DD, found '\(text)'")
                    }
                    expires = text
                default:
                    throw ConfigurationError(file: reader.file, at: field.keyPosition, key: key, "unknown key" + Self.suggestion(for: field.key, among: ["rule", "path", "reason", "expires"]))
                }
            }
            guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw reader.error(item, key: "ignores.reason", "every ignore needs a reason")
            }
            guard rule != nil || path != nil else {
                throw reader.error(item, key: "ignores", "an ignore needs a rule, a path or both")
            }
            result.append(IgnoreEntry(rule: rule, path: path, reason: reason, expires: expires, line: item.position.line))
        }
        return result
    }

    /// `YYYY-MM-DD` with a real month and day.
    public static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// ` (did you mean 'exclude'?)` when a known key is close.
    static func suggestion(for key: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance($0, key)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, key.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Typed reads of configuration values, each failing with the file, line and key.
public struct NodeReader: Sendable {
    /// The file's name in errors.
    public var file: String
    /// The folder paths in the file are relative to (the file's own folder).
    public var folder: String
    /// When the file belongs to the scanned repository, the root every path it names must
    /// resolve inside; nil for a file the person running Rampart chose outside it.
    public var confinement: ConfinedRoot?

    public init(file: String, folder: String? = nil, confinement: ConfinedRoot? = nil) {
        self.file = file
        self.folder = folder ?? (file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : ".")
        self.confinement = confinement
    }

    /// The reader for a configuration file at `path`: paths it names are relative to its folder,
    /// and confined to the scanned folder when the file lies inside it (the repository's own).
    public static func forFile(_ path: String, displayName: String? = nil, scanRoot: String) -> NodeReader {
        let root = ConfinedRoot.scanRoot(scanRoot)
        let file = ConfinedRoot(path).realPath
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
        return NodeReader(file: displayName ?? path, folder: folder.isEmpty ? "/" : folder, confinement: root.contains(realPath: file) ? root : nil)
    }

    /// A file the configuration names (`bandit_config`, `gitleaks_config`, a baseline):
    /// relative to the configuration's folder, and inside the repository when the configuration
    /// is the repository's.
    public func path(_ node: ConfigNode, key: String) throws(ConfigurationError) -> String {
        try resolve(try string(node, key: key), node: node, key: key)
    }

    /// `path(_:key:)` for a value already read.
    public func resolve(_ value: String, node: ConfigNode, key: String) throws(ConfigurationError) -> String {
        guard let confinement else {
            return value.hasPrefix("/") ? value : (folder.hasSuffix("/") ? folder : folder + "/") + value
        }
        do {
            return try confinement.resolve(value, relativeTo: folder)
        } catch {
            throw self.error(node, key: key, error.description)
        }
    }

    public func error(_ node: ConfigNode, key: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, at: node.position, key: key, message)
    }

    public func mapping(_ node: ConfigNode, key: String?) throws(ConfigurationError) -> [(key: String, keyPosition: ConfigNode.Position, value: ConfigNode)] {
        switch node {
        case .mapping(let pairs, _): return pairs
        case .null: return []
        default: throw error(node, key: key, "expected a mapping, found \(node.kindName)")
        }
    }

    public func string(_ node: ConfigNode, key: String) throws(ConfigurationError) -> String {
        guard case .scalar(let text, _) = node else { throw error(node, key: key, "expected a string, found \(node.kindName)") }
        return text
    }

    public func strings(_ node: ConfigNode, key: String) throws(ConfigurationError) -> [String] {
        switch node {
        case .scalar(let text, _): return [text]
        case .null: return []
        case .sequence(let items, _):
            var result: [String] = []
            for item in items { result.append(try string(item, key: key)) }
            return result
        default: throw error(node, key: key, "expected a list of strings, found \(node.kindName)")
        }
    }

    public func globs(_ node: ConfigNode, key: String) throws(ConfigurationError) -> [String] {
        let patterns = try strings(node, key: key)
        for pattern in patterns where GlobPattern(pattern) == nil {
            throw error(node, key: key, "'\(pattern)' is not a usable glob")
        }
        return patterns
    }

    public func bool(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Bool {
        let text = try string(node, key: key).lowercased()
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, key: key, "expected true or false, found '\(text)'")
        }
    }

    public func int(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Int {
        let text = try string(node, key: key)
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error(node, key: key, "expected a whole number, found '\(text)'")
        }
        return value
    }

    public func number(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Double {
        let text = try string(node, key: key)
        guard let value = Double(text), value.isFinite else { throw error(node, key: key, "expected a number, found '\(text)'") }
        return value
    }

    /// `1048576`, `512KB`, `5MB`, `1GB` (powers of 1024).
    public func byteSize(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Int {
        let text = try string(node, key: key).uppercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Int)] = [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30), ("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1)]
        var number = Substring(text), factor = 1
        for (suffix, value) in units where text.hasSuffix(suffix) {
            number = text.dropLast(suffix.count)
            factor = value
            break
        }
        guard let amount = Int(number), amount > 0, amount <= Int.max / factor else {
            throw error(node, key: key, "expected a size such as 5MB or 1048576, found '\(text)'")
        }
        return amount * factor
    }

    public func severity(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Severity {
        let text = try string(node, key: key)
        guard let value = Severity(parsing: text) else {
            throw error(node, key: key, "expected one of info, low, medium, high, critical; found '\(text)'")
        }
        return value
    }

    public func confidence(_ node: ConfigNode, key: String) throws(ConfigurationError) -> Confidence {
        let text = try string(node, key: key)
        guard let value = Confidence(parsing: text) else {
            throw error(node, key: key, "expected one of low, medium, high; found '\(text)'")
        }
        return value
    }
}
