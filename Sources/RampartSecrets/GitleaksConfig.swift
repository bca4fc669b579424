import RampartCore
import RampartRegex
import TOMLKit

/// A Gitleaks configuration (`.gitleaks.toml`): custom `[[rules]]`, allowlists and `[extend]`,
/// so a team's existing setup keeps working.
///
/// Semantics follow Gitleaks 8: without `[extend] useDefault = true` only the file's rules run;
/// a rule whose id equals a built-in detector's replaces it; `regex` and `path` are regular
/// expressions (RE2 syntax, which PCRE2 reads), `keywords` prefilter, `entropy` is a minimum
/// Shannon entropy of the secret, `secretGroup` picks the capture group. Allowlists
/// (`[[rules.allowlists]]`, the older `[rules.allowlist]`, and the global `[allowlist]` or
/// `[[allowlists]]`) take `regexes` (with `regexTarget` secret, match or line), `paths`,
/// `stopwords` and `condition` (OR or AND). `commits` allowlists apply to history scans.
public struct GitleaksConfig: Sendable {
    public var rules: [CustomSecretRule] = []
    /// Rules with only a `path`: the file itself is the finding (a key file, say).
    public var pathRules: [(metadata: RuleMetadata, path: ByteRegex)] = []
    public var useDefault = false
    public var disabledRules: [String] = []
    public var allowlists: [SecretAllowlist] = []
    public var source: String

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// `[extend] path` chains longer than this are refused (Gitleaks itself stops at two).
    static let maxExtendDepth = 8

    /// Loads `path` and the files it extends. With `confinement` (a repository's own
    /// configuration), every path resolves inside it; a cycle of `[extend] path`s is an error.
    public static func load(path: String, confinement: ConfinedRoot? = nil) throws(Failure) -> GitleaksConfig {
        try load(path: path, relativeTo: "", confinement: confinement, chain: [])
    }

    static func load(path: String, relativeTo folder: String, confinement: ConfinedRoot?, chain: [String]) throws(Failure) -> GitleaksConfig {
        let resolved: String
        if let confinement {
            do {
                resolved = try confinement.resolve(path, relativeTo: folder)
            } catch {
                throw Failure(file: chain.last.map { confinement.relative($0) } ?? path, message: "[extend] path \(error.description)")
            }
        } else {
            resolved = ConfinedRoot.normalize(path.hasPrefix("/") ? path : ConfinedRoot(folder.isEmpty ? "." : folder).realPath + "/" + path)
        }
        let display = confinement?.relative(resolved) ?? path
        guard !chain.contains(resolved) else {
            let names = (chain + [resolved]).map { confinement?.relative($0) ?? $0 }.map(TextEscaping.escape)
            throw Failure(file: display, message: "[extend] path makes a cycle: \(names.joined(separator: " → "))")
        }
        guard chain.count <= maxExtendDepth else {
            throw Failure(file: display, message: "[extend] paths nested more than \(maxExtendDepth) deep")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(resolved, limit: 4 << 20)
        } catch {
            throw Failure(file: display, message: "cannot read the Gitleaks configuration: \(error)")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: display, resolvedPath: resolved, confinement: confinement, chain: chain + [resolved])
    }

    public static func parse(_ text: String, file: String) throws(Failure) -> GitleaksConfig {
        try parse(text, file: file, resolvedPath: nil, confinement: nil, chain: [])
    }

    static func parse(_ text: String, file: String, resolvedPath: String?, confinement: ConfinedRoot?, chain: [String]) throws(Failure) -> GitleaksConfig {
        if let problem = TOMLPrecheck.problem(in: text) { throw Failure(file: file, message: "line \(problem.line): not valid TOML: \(problem.message)") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(file: file, message: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw Failure(file: file, message: "\(error)")
        }
        var config = GitleaksConfig(source: file)
        if let extend = table["extend"]?.table {
            config.useDefault = extend["useDefault"]?.bool ?? false
            config.disabledRules = strings(extend["disabledRules"])
            // `[extend] path` names another file to extend: its rules come first.
            if let other = extend["path"]?.string {
                let source = resolvedPath ?? file
                let folder = source.contains("/") ? String(source[..<(source.lastIndex(of: "/") ?? source.endIndex)]) : ""
                let parent = try load(path: other, relativeTo: folder.isEmpty && source.hasPrefix("/") ? "/" : folder, confinement: confinement,
                                      chain: chain.isEmpty ? [ConfinedRoot.normalize(ConfinedRoot(source).realPath)] : chain)
                config.rules = parent.rules
                config.pathRules = parent.pathRules
                config.allowlists = parent.allowlists
                config.useDefault = config.useDefault || parent.useDefault
            }
        }
        if let global = table["allowlist"]?.table { config.allowlists.append(try allowlist(global, file: file, context: "[allowlist]")) }
        for (index, entry) in tables(table["allowlists"]).enumerated() {
            config.allowlists.append(try allowlist(entry, file: file, context: "[[allowlists]] #\(index + 1)"))
        }
        for (index, rule) in tables(table["rules"]).enumerated() {
            guard let id = rule["id"]?.string, !id.isEmpty else { throw Failure(file: file, message: "[[rules]] #\(index + 1) has no id") }
            let description = rule["description"]?.string ?? id
            let metadata = RuleMetadata(
                id: RuleID(scanner: "secrets", code: id), aliases: [], title: description, severity: .high, confidence: .medium,
                cwe: [798], owasp: .a07, tags: ["secret", "custom"] + strings(rule["tags"]),
                documentation: "A custom rule from the Gitleaks configuration \(file): \(description).", examples: []
            )
            let pathRegex = try rule["path"]?.string.map { pattern throws(Failure) in try compile(pattern, file: file, context: "rule \(id) path") }
            var lists: [SecretAllowlist] = []
            if let single = rule["allowlist"]?.table { lists.append(try allowlist(single, file: file, context: "rule \(id) allowlist")) }
            for entry in tables(rule["allowlists"]) { lists.append(try allowlist(entry, file: file, context: "rule \(id) allowlists")) }
            guard let regex = rule["regex"]?.string else {
                guard let pathRegex else { throw Failure(file: file, message: "rule \(id) has neither regex nor path") }
                config.pathRules.append((metadata, pathRegex))
                continue
            }
            _ = try compile(regex, file: file, context: "rule \(id) regex")
            let pattern = SecretPattern(
                keywords: strings(rule["keywords"]), regex: regex, secretGroup: rule["secretGroup"]?.int.flatMap { $0 > 0 ? $0 : nil },
                minEntropy: rule["entropy"]?.double ?? rule["entropy"]?.int.map(Double.init),
                filtersPlaceholders: false
            )
            let allowlists = lists
            let accept: @Sendable (SecretContext) -> Bool = { context in
                if let pathRegex, !pathRegex.matches(context.path) { return false }
                return !allowlists.contains { $0.allows(context) }
            }
            config.rules.removeAll { $0.metadata.id == metadata.id }
            config.rules.append(CustomSecretRule(metadata: metadata, pattern: pattern, accept: accept))
        }
        return config
    }

    static func strings(_ value: (any TOMLValueConvertible)?) -> [String] {
        guard let array = value?.array else { return [] }
        return array.compactMap { $0.string }
    }

    static func tables(_ value: (any TOMLValueConvertible)?) -> [TOMLTable] {
        guard let array = value?.array else { return [] }
        return array.compactMap { $0.table }
    }

    static func compile(_ pattern: String, file: String, context: String) throws(Failure) -> ByteRegex {
        do {
            return try ByteRegex(pattern)
        } catch {
            throw Failure(file: file, message: "\(context): \(error)")
        }
    }

    static func allowlist(_ table: TOMLTable, file: String, context: String) throws(Failure) -> SecretAllowlist {
        var list = SecretAllowlist()
        list.description = table["description"]?.string
        list.requireAll = table["condition"]?.string?.uppercased() == "AND"
        switch table["regexTarget"]?.string?.lowercased() ?? "secret" {
        case "match": list.target = .match
        case "line": list.target = .line
        default: list.target = .secret
        }
        for pattern in strings(table["regexes"]) { list.regexes.append(try compile(pattern, file: file, context: "\(context) regexes")) }
        for pattern in strings(table["paths"]) { list.paths.append(try compile(pattern, file: file, context: "\(context) paths")) }
        list.stopwords = strings(table["stopwords"]).map { $0.lowercased() }
        list.commits = Set(strings(table["commits"]))
        return list
    }
}

/// A Gitleaks allowlist: what is not a finding even though a rule matched.
public struct SecretAllowlist: Sendable {
    public enum Target: Sendable { case secret, match, line }
    public var description: String?
    public var regexes: [ByteRegex] = []
    public var target = Target.secret
    public var paths: [ByteRegex] = []
    public var stopwords: [String] = []
    public var commits: Set<String> = []
    /// `condition = "AND"`: every criterion given must hold; otherwise any one.
    public var requireAll = false

    public init() {}

    /// Whether the candidate is allowed (not a finding). Commits are checked by `allows(commit:)`.
    public func allows(_ context: SecretContext) -> Bool {
        var results: [Bool] = []
        if !regexes.isEmpty {
            let text = target == .secret ? context.secret : target == .match ? context.match : context.line
            results.append(regexes.contains { $0.matches(text) })
        }
        if !paths.isEmpty { results.append(paths.contains { $0.matches(context.path) }) }
        if !stopwords.isEmpty {
            let lower = context.secret.lowercased()
            results.append(stopwords.contains { lower.contains($0) })
        }
        guard !results.isEmpty else { return false }
        return requireAll ? results.allSatisfy { $0 } : results.contains(true)
    }

    /// Whether a history finding's commit is allowed (full or abbreviated sha).
    public func allows(commit sha: String) -> Bool {
        commits.contains { !$0.isEmpty && sha.hasPrefix($0) }
    }
}
