import Foundation

/// Kernel modules: loaded ones (`/proc/modules`, live targets only) and modprobe's configuration
/// (`*.conf` in `/etc/modprobe.d`, `/run/modprobe.d`, `/usr/local/lib/modprobe.d`,
/// `/usr/lib/modprobe.d`, `/lib/modprobe.d`; an earlier folder's file masks the same name in later
/// ones; files read in byte order of their names, as kmod does).
///
/// A module is **disabled** when its first `install` command (kmod, like module-init-tools, uses
/// only the first matching one) is `true` or `false`: `modprobe` then runs that instead of
/// loading it, explicit requests included. `blacklist` only stops loading through aliases (device
/// detection) and is reported separately.
public struct KernelModules: Sendable, Equatable {
    public struct LoadedModule: Sendable, Equatable {
        public var name: String
        public var size: Int
        public var useCount: Int
        public var usedBy: [String]
        public var state: String
    }

    public struct Rule: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case blacklist, install, remove, options, alias, softdep
        }

        public var kind: Kind
        /// Normalized (`-` as `_`); may be a glob for `install`/`remove`.
        public var module: String
        /// The rest of the line: the command of `install`/`remove`, the options, the alias target.
        public var argument: String
        public var origin: ConfigOrigin
    }

    /// Nil on targets that are not live (nothing is loaded in an image).
    public var loaded: [LoadedModule]?
    public var rules: [Rule]
    public var files: [String]
    /// Files that could not be read (too large, a FIFO, unreadable): their rules are unknown.
    public var problems: [String] = []

    public init(loaded: [LoadedModule]? = nil, rules: [Rule] = [], files: [String] = []) {
        self.loaded = loaded
        self.rules = rules
        self.files = files
    }

    public static let configurationFolders = ["/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d", "/usr/lib/modprobe.d", "/lib/modprobe.d"]

    public static func load(from target: any HostTarget) -> KernelModules {
        let files = HostPath.configFiles(in: configurationFolders, suffix: ".conf", on: target)
        var rules: [Rule] = []
        var problems: [String] = []
        for path in files {
            switch HostPath.readConfig(path, on: target) {
            case .success(let text): rules += text.map { parseConfiguration($0, path: path) } ?? []
            case .failure(let error): problems.append("\(error)")
            }
        }
        var loaded: [LoadedModule]?
        if target.isLive, let text = target.text("/proc/modules", limit: ResourceLimits.configBytes) {
            loaded = parseProcModules(text)
        }
        var modules = KernelModules(loaded: loaded, rules: rules, files: files)
        modules.problems = problems
        return modules
    }

    /// `/proc/modules`: `name size usecount deps, state address`.
    public static func parseProcModules(_ text: String) -> [LoadedModule] {
        var modules: [LoadedModule] = []
        ConfigText.forEachLine(text) { _, line in
            let fields = ConfigText.fields(line)
            guard fields.count >= 3 else { return }
            let users = fields.count > 3 && fields[3] != "-" ? fields[3].split(separator: ",").map(String.init) : []
            modules.append(LoadedModule(name: normalize(fields[0]), size: Int(fields[1]) ?? 0, useCount: Int(fields[2]) ?? 0,
                                        usedBy: users, state: fields.count > 4 ? String(fields[4]) : ""))
        }
        return modules
    }

    /// A modprobe.d file: `#` comments, `\` at the end of a line continues it.
    public static func parseConfiguration(_ text: String, path: String) -> [Rule] {
        var rules: [Rule] = []
        var pending = ""
        var pendingLine = 0
        ConfigText.forEachLine(text) { number, line in
            if pending.isEmpty { pendingLine = number }
            if line.last == "\\" {
                pending += line.dropLast() + " "
                return
            }
            let full = pending + line
            pending = ""
            let content = ConfigText.trimmed(Substring(full))
            guard !content.isEmpty, content.first != "#" else { return }
            let fields = ConfigText.fields(content)
            guard fields.count >= 2, let kind = Rule.Kind(rawValue: String(fields[0])) else { return }
            // The argument is the rest of the line after the module name, spacing kept.
            var rest = content.dropFirst(fields[0].count).drop(while: ConfigText.isBlank)
            rest = rest.dropFirst(fields[1].count).drop(while: ConfigText.isBlank)
            rules.append(Rule(kind: kind, module: normalize(fields[1]), argument: String(ConfigText.trimmed(rest)),
                              origin: ConfigOrigin(path: path, line: pendingLine)))
        }
        return rules
    }

    /// kmod treats `-` and `_` in module names alike (but not inside a glob's `[a-z]`).
    public static func normalize<S: StringProtocol>(_ name: S) -> String {
        var result = "", inBrackets = false
        for character in name {
            if character == "[" { inBrackets = true } else if character == "]" { inBrackets = false }
            result.append(character == "-" && !inBrackets ? "_" : character)
        }
        return result
    }

    // MARK: Queries

    /// Nil when the target is not live.
    public func isLoaded(_ name: String) -> Bool? {
        guard let loaded else { return nil }
        let name = Self.normalize(name)
        return loaded.contains { $0.name == name }
    }

    /// The `install` rule modprobe uses for `name`: the first whose pattern matches.
    public func installRule(for name: String) -> Rule? {
        let name = Self.normalize(name)
        return rules.first { $0.kind == .install && ($0.module == name || Glob($0.module).matches(name)) }
    }

    /// Whether `modprobe name` runs `true`/`false` instead of loading the module.
    public func isDisabled(_ name: String) -> Bool {
        guard let rule = installRule(for: name) else { return false }
        return Self.isNoOp(rule.argument)
    }

    public func isBlacklisted(_ name: String) -> Bool { blacklistRule(for: name) != nil }

    public func blacklistRule(for name: String) -> Rule? {
        let name = Self.normalize(name)
        return rules.first { $0.kind == .blacklist && $0.module == name }
    }

    /// `/bin/true`, `/usr/bin/false`, `true`… (with arguments or not).
    static func isNoOp(_ command: String) -> Bool {
        guard let program = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" }).first else { return false }
        return ["true", "false", "/bin/true", "/bin/false", "/usr/bin/true", "/usr/bin/false", "/sbin/true", "/usr/sbin/true"].contains(String(program))
    }
}
