import Foundation

/// One PAM service's stack (`/etc/pam.d/<service>`), as Linux-PAM reads it: `#` starts a comment
/// anywhere on a line, a trailing `\` continues the line, `type control module [arguments]`
/// with a `-` before the type for modules that may be missing, bracketed controls
/// (`[success=1 default=ignore]`) and bracketed arguments (`[a b]`) kept whole; Debian's
/// `@include file` pulls in a whole file, `include`/`substack` controls pull in one type's lines
/// of another service. Includes are expanded in place, 16 levels at most, loops cut.
public struct PAMService: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        /// `auth`, `account`, `password`, `session`; `@include` for Debian's directive.
        public var type: String
        /// `required`, `[success=1 default=ignore]`, `include`…; empty for `@include`.
        public var control: String
        /// The module path as written, or the included service for `include`/`substack`/`@include`.
        public var module: String
        public var arguments: [String]
        /// Written `-type`: a missing module is not an error.
        public var isOptional: Bool
        public var origin: ConfigOrigin

        /// `pam_unix.so` for `/lib/x86_64-linux-gnu/security/pam_unix.so`.
        public var moduleName: String { HostPath.baseName(module) }
        public var isInclude: Bool { type == "@include" || control == "include" || control == "substack" }

        /// The value of `name=value` among the arguments (`remember=5`).
        public func argument(_ name: String) -> String? {
            arguments.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
        }

        public func hasArgument(_ name: String) -> Bool {
            arguments.contains { $0 == name || $0.hasPrefix(name + "=") }
        }
    }

    public var service: String
    /// The service file's own lines.
    public var rules: [Rule]
    /// The stack PAM runs: includes replaced by the lines they include.
    public var effectiveRules: [Rule]
    public var problems: [String]

    public static let folder = "/etc/pam.d"
    static let maxDepth = 16

    /// Throws `notFound` when the service has no file.
    public static func load(_ service: String, from target: any HostTarget) throws(HostError) -> PAMService {
        let path = HostPath.join(folder, service)
        let bytes = try target.read(path, limit: ResourceLimits.configBytes)
        return resolve(service, text: String(decoding: bytes, as: UTF8.self)) { name in
            target.text(HostPath.join(folder, name), limit: ResourceLimits.configBytes)
        }
    }

    /// A service from its text; `files` maps included services' names to their text.
    public static func parse(_ text: String, service: String = "test", files: [String: String] = [:]) -> PAMService {
        resolve(service, text: text) { files[$0] }
    }

    static func resolve(_ service: String, text: String, read: (String) -> String?) -> PAMService {
        var problems: [String] = []
        let own = parseRules(text, path: HostPath.join(folder, service))
        var effective: [Rule] = []
        expand(own, type: nil, stack: [service], read: read, into: &effective, problems: &problems)
        return PAMService(service: service, rules: own, effectiveRules: effective, problems: problems)
    }

    private static func expand(_ rules: [Rule], type: String?, stack: [String], read: (String) -> String?,
                               into effective: inout [Rule], problems: inout [String]) {
        for rule in rules {
            if let type, rule.type != type && rule.type != "@include" { continue }
            guard rule.isInclude else {
                effective.append(rule)
                continue
            }
            let name = rule.module
            guard !stack.contains(name) else {
                problems.append("\(rule.origin): include loop through \(name)")
                continue
            }
            guard stack.count < maxDepth else {
                problems.append("\(rule.origin): includes nested deeper than \(maxDepth) levels")
                continue
            }
            guard let text = read(name) else {
                problems.append("\(rule.origin): cannot read included \(HostPath.join(folder, name))")
                continue
            }
            let included = parseRules(text, path: HostPath.join(folder, name))
            // `@include` keeps every type (filtered by the caller's type if any); `include` one.
            let filter = rule.type == "@include" ? type : rule.type
            expand(included, type: filter, stack: stack + [name], read: read, into: &effective, problems: &problems)
        }
    }

    /// The lines of one file, includes not expanded.
    public static func parseRules(_ text: String, path: String) -> [Rule] {
        var rules: [Rule] = []
        var pending = "", pendingLine = 0
        ConfigText.forEachLine(text) { number, rawLine in
            if pending.isEmpty { pendingLine = number }
            var line = rawLine
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            if line.last == "\\" {
                pending += line.dropLast() + " "
                return
            }
            let full = pending + line
            pending = ""
            let tokens = tokenize(Substring(full))
            guard let first = tokens.first else { return }
            let origin = ConfigOrigin(path: path, line: pendingLine)
            if first == "@include" {
                guard tokens.count >= 2 else { return }
                rules.append(Rule(type: "@include", control: "", module: tokens[1], arguments: [], isOptional: false, origin: origin))
                return
            }
            guard tokens.count >= 3 else { return }
            let optional = first.hasPrefix("-")
            rules.append(Rule(type: optional ? String(first.dropFirst()).lowercased() : first.lowercased(), control: tokens[1],
                              module: tokens[2], arguments: Array(tokens.dropFirst(3)), isOptional: optional, origin: origin))
        }
        return rules
    }

    /// Blank-separated tokens; `[…]` groups (with `\]` escapes) stay one token, brackets kept
    /// for controls and removed for arguments, as pam_handlers does.
    static func tokenize(_ line: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if depth {
                if character == "\\", let next = iterator.next() {
                    if next != "]" { current.append("\\") }
                    current.append(next)
                } else if character == "]" {
                    depth = false
                    current.append("]")
                } else {
                    current.append(character)
                }
                continue
            }
            if character == " " || character == "\t" {
                if !current.isEmpty { tokens.append(current); current = "" }
                continue
            }
            if character == "[" && current.isEmpty { depth = true }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        // Arguments (fourth token on) lose their brackets: `[a b]` is the argument `a b`.
        for index in tokens.indices where index >= 3 && tokens[index].hasPrefix("[") && tokens[index].hasSuffix("]") && tokens[index].count >= 2 {
            tokens[index] = String(tokens[index].dropFirst().dropLast())
        }
        return tokens
    }

    // MARK: Queries

    /// The effective stack of one type (`auth`, `password`…).
    public func rules(type: String) -> [Rule] { effectiveRules.filter { $0.type == type } }

    /// Effective rules using a module (`pam_unix.so` or `pam_unix`).
    public func rules(module: String) -> [Rule] {
        let wanted = module.hasSuffix(".so") ? module : module + ".so"
        return effectiveRules.filter { $0.moduleName == wanted }
    }

    public func uses(module: String) -> Bool { !rules(module: module).isEmpty }
}
