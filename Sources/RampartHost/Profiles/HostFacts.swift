import Foundation
import RampartCore

/// What a property lookup found: a value, or a reason it cannot be known here.
public enum FactLookup: Sendable, Equatable {
    case value(FactValue)
    /// The target cannot tell (live state on a root file system): the check is skipped.
    case skipped(String)
    case error(String)
}

/// The facts of one target, each resource read once (on first use) and shared by every control
/// of every profile in a run.
public final class HostFacts: @unchecked Sendable {
    public let target: any HostTarget
    private let lock = NSLock()
    private var cache: [String: Any] = [:]

    public init(target: any HostTarget) {
        self.target = target
    }

    /// Resources and their properties, as profiles name them (the YAML loader checks against this).
    public static let schema: [String: Set<String>] = [
        "file": ["exists", "type", "mode", "owner", "group", "content", "size"],
        "directory": ["exists", "type", "mode", "owner", "group", "size"],
        "package": ["installed", "version"],
        "service": ["installed", "enabled", "masked", "running"],
        "sshd_config": ["value", "values", "explicit"],
        "ssh_config": ["value", "values", "explicit"],
        "kernel_parameter": ["value"],
        "login_defs": ["value"],
        "auditd_conf": ["value"],
        "mount": ["mounted", "options", "device", "type"],
        "kernel_module": ["loaded", "disabled"],
        "user": ["exists", "uid", "gid", "home", "shell"],
        "group": ["exists", "gid", "members"],
        "os": ["family", "id", "version", "container"],
        "openssh": ["version"],
    ]
    /// Properties that only a running system has.
    public static let liveOnlyProperties: Set<String> = ["service.running", "kernel_module.loaded"]

    /// One resource, loaded once.
    public func resource<T>(_ key: String, _ load: () -> T) -> T {
        lock.lock()
        // Unwrap the entry first: a missing entry cast to an Optional `T` would "succeed" as nil.
        if let entry = cache[key], let cached = entry as? T {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let value = load()
        lock.lock()
        cache[key] = value
        lock.unlock()
        return value
    }

    public var users: UserDatabase { resource("users") { UserDatabase.load(from: target) } }
    public var packages: Packages { resource("packages") { Packages.load(from: target) } }
    public var loginDefs: LoginDefs? { resource("login.defs") { LoginDefs.load(from: target) } }
    public var kernelParameters: KernelParameters { resource("sysctl") { KernelParameters.load(from: target) } }
    public var mounts: Mounts { resource("mounts") { Mounts.load(from: target) } }
    public var modules: KernelModules { resource("modules") { KernelModules.load(from: target) } }
    public var services: Services { resource("services") { Services.load(from: target) } }
    public var os: OSInfo? { resource("os") { OSInfo.load(from: target) } }
    public var auditd: AuditdConf? { resource("auditd") { AuditdConf.load(from: target) } }
    public var cron: CronFiles { resource("cron") { CronFiles.load(from: target) } }
    /// The file search the controls need: `.rhosts`/`.netrc` down to depth 3 (os-09). Controls
    /// that need the whole tree add their predicates to this one walk, never a walk of their own.
    public var fileSearch: FileSearch { resource("find") { FileSearch.run(on: target, options: FileSearch.Options(maxDepth: 3)) } }
    public func sshConfig(_ kind: SSHConfig.Kind) -> Result<SSHConfig, HostError> {
        resource("ssh.\(kind)") { () -> Result<SSHConfig, HostError> in
            do throws(HostError) {
                return .success(try SSHConfig.load(kind, from: target))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Running inside a container (dev-sec's `container_execution`): live targets only.
    public var inContainer: Bool {
        resource("container") { () -> Bool in
            guard target.isLive else { return false }
            if target.exists("/.dockerenv") || target.exists("/run/.containerenv") { return true }
            let cgroup = target.text("/proc/1/cgroup", limit: 64 << 10) ?? ""
            return cgroup.contains("docker") || cgroup.contains("kubepods") || cgroup.contains("containerd") || cgroup.contains("lxc")
        }
    }

    /// The OpenSSH version from the package database (`1:9.2p1-2+deb12u3` → `9.2p1`).
    public func opensshVersion(_ side: String) -> String? {
        let package = side == "server" ? "openssh-server" : "openssh-client"
        guard var version = packages.version(package) else { return nil }
        if let colon = version.firstIndex(of: ":") { version = String(version[version.index(after: colon)...]) }
        if let dash = version.firstIndex(of: "-") { version = String(version[..<dash]) }
        return version
    }

    /// A name for `uid` from the target's own account database (an image's `shadow` group is
    /// not the host's).
    public func userName(_ uid: UInt32) -> String { users.userName(uid: uid) ?? String(uid) }
    public func groupName(_ gid: UInt32) -> String { users.groupName(gid: gid) ?? String(gid) }

    public func fact(_ query: FactQuery) -> FactLookup {
        let argument = query.argument
        switch (query.resource, query.property) {
        case ("file", _), ("directory", _):
            return fileFact(argument, query.property)
        case ("package", "installed"):
            guard let installed = packages.isInstalled(argument) else { return .skipped("no package database on \(target.name)") }
            return .value(.value(installed ? "true" : "false"))
        case ("package", "version"):
            return .value(.value(packages.version(argument)))
        case ("service", let property):
            let service = services.service(argument, checkRunning: property == "running")
            switch property {
            case "installed": return .value(.value(service.isInstalled ? "true" : "false"))
            case "enabled": return .value(.value(service.isEnabled ? "true" : "false"))
            case "masked": return .value(.value(service.isMasked ? "true" : "false"))
            default:
                guard let running = service.isRunning else { return .skipped("whether a service runs is known on a running system only") }
                return .value(.value(running ? "true" : "false"))
            }
        case ("sshd_config", let property), ("ssh_config", let property):
            switch sshConfig(query.resource == "sshd_config" ? .server : .client) {
            case .failure(let error):
                if case .notFound = error { return .value(.absent) }
                return .error("\(error)")
            case .success(let config) where !config.problems.isEmpty:
                // An include that could not be read (too large, a FIFO, unreadable) may hold the
                // setting: the control cannot pass on what was read.
                return .error("not all of the configuration was read: \(config.problems.prefix(3).joined(separator: "; "))")
            case .success(let config):
                switch property {
                case "value": return .value(.value(config.value(argument), caseInsensitive: true))
                case "explicit": return .value(FactValue(values: config.isSet(argument) ? config.values(argument) : [], exists: config.isSet(argument), caseInsensitive: true))
                default: return .value(FactValue(values: config.values(argument), exists: true, caseInsensitive: true))
                }
            }
        case ("kernel_parameter", _):
            if !kernelParameters.problems.isEmpty { return .error("not all of the sysctl configuration was read: \(kernelParameters.problems.prefix(3).joined(separator: "; "))") }
            guard let found = kernelParameters.value(argument) else {
                return target.isLive ? .value(.absent) : .skipped("\(argument) is not set on \(target.name) and has no known kernel default")
            }
            return .value(.value(found.value.trimmingWhitespace()))
        case ("login_defs", _):
            if let problem = loginDefs?.problem { return .error("login.defs could not be read: \(problem)") }
            return .value(.value(loginDefs?.value(argument)))
        case ("auditd_conf", _):
            if let problem = auditd?.problem { return .error("auditd.conf could not be read: \(problem)") }
            return .value(.value(auditd?.value(argument), caseInsensitive: true))
        case ("mount", let property):
            guard let entry = mounts.mount(at: argument) else {
                return property == "mounted" ? .value(.value("false")) : .value(.absent)
            }
            switch property {
            case "mounted": return .value(.value("true"))
            case "options": return .value(FactValue(values: entry.options, exists: true))
            case "device": return .value(.value(entry.device))
            default: return .value(.value(entry.type))
            }
        case ("kernel_module", "loaded"):
            guard let loaded = modules.isLoaded(argument) else { return .skipped("loaded modules are known on a running system only") }
            return .value(.value(loaded ? "true" : "false"))
        case ("kernel_module", _):
            if !modules.problems.isEmpty { return .error("not all of the modprobe configuration was read: \(modules.problems.prefix(3).joined(separator: "; "))") }
            return .value(.value(modules.isDisabled(argument) ? "true" : "false"))
        case ("user", let property):
            guard let user = users.user(named: argument) else { return property == "exists" ? .value(.value("false")) : .value(.absent) }
            switch property {
            case "exists": return .value(.value("true"))
            case "uid": return .value(.value(String(user.uid)))
            case "gid": return .value(.value(String(user.gid)))
            case "home": return .value(.value(user.home))
            default: return .value(.value(user.shell))
            }
        case ("group", let property):
            guard let group = users.group(named: argument) else { return property == "exists" ? .value(.value("false")) : .value(.absent) }
            switch property {
            case "exists": return .value(.value("true"))
            case "gid": return .value(.value(String(group.gid)))
            default: return .value(FactValue(values: group.members, exists: true))
            }
        case ("os", let property):
            if property == "container" { return .value(.value(inContainer ? "true" : "false")) }
            guard let os else { return .value(.absent) }
            switch property {
            case "family": return .value(.value(os.family.rawValue))
            case "id": return .value(.value(os.id))
            default: return .value(.value(os.versionID))
            }
        case ("openssh", _):
            return .value(.value(opensshVersion(argument)))
        default:
            return .error("no property \(query.property) of \(query.resource)")
        }
    }

    func fileFact(_ path: String, _ property: String) -> FactLookup {
        guard let info = target.info(path) else {
            return property == "exists" ? .value(.value("false")) : .value(.absent)
        }
        switch property {
        case "exists": return .value(.value("true"))
        case "type": return .value(.value(info.kind.rawValue))
        case "mode": return .value(.value(info.octalMode))
        case "owner": return .value(.value(userName(info.uid)))
        case "group": return .value(.value(groupName(info.gid)))
        case "size": return .value(.value(String(info.size)))
        default:
            guard info.kind == .file else { return .value(.absent) }
            do {
                return .value(.value(String(decoding: try target.read(path, limit: 16 << 20), as: UTF8.self)))
            } catch {
                return .error("\(error)")
            }
        }
    }
}
