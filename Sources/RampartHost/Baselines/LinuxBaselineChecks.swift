import Foundation
import RampartCore

/// The linux-baseline checks written in Swift: each would be contorted as a matcher.
extension LinuxBaseline {
    static func passwordFieldsCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "Passwd passwords should be in [x, *]"
        let users = facts.users.users
        guard !users.isEmpty else { return [CheckResult(.error, description, message: "no accounts read from /etc/passwd")] }
        let exposed = users.filter { $0.password != "x" && $0.password != "*" }.map(\.name)
        return [exposed.isEmpty ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "accounts with a password field other than x or *: \(exposed.prefix(10).joined(separator: ", "))")]
    }

    static func pathCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "Os env PATH should have no empty or . entry"
        guard let result = try? facts.target.run(["printenv", "PATH"], timeout: .seconds(10)), result.status == 0 else {
            return [CheckResult(.skipped, description, message: "cannot read PATH on \(facts.target.name)")]
        }
        let entries = result.stdout.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let bad = entries.filter { $0.isEmpty || $0 == "." || !$0.hasPrefix("/") }
        return [bad.isEmpty ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "PATH has \(bad.map { $0.isEmpty ? "an empty entry" : "'\($0)'" }.joined(separator: ", "))")]
    }

    static func setuidBlacklistCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "Suid check blacklisted programs should have no setuid or setgid bit"
        // The blacklist is short: stat each path rather than walk the tree for it.
        let found = setuidBlacklist.compactMap { path -> String? in
            guard let info = facts.target.info(path), info.kind == .file, info.mode & 0o6000 != 0 else { return nil }
            return "\(path) (\(info.octalMode))"
        }
        return [found.isEmpty ? CheckResult(.passed, description) : CheckResult(.failed, description, message: found.joined(separator: ", "))]
    }

    static func uniqueIDsCheck(_ facts: HostFacts) -> [CheckResult] {
        let users = facts.users
        let uids = users.duplicateUIDs, gids = users.duplicateGIDs
        return [
            uids.isEmpty ? CheckResult(.passed, "Passwd uids should not contain duplicates")
                : CheckResult(.failed, "Passwd uids should not contain duplicates", message: "duplicated: \(uids.map(String.init).joined(separator: ", "))"),
            gids.isEmpty ? CheckResult(.passed, "Etc group gids should not contain duplicates")
                : CheckResult(.failed, "Etc group gids should not contain duplicates", message: "duplicated: \(gids.map(String.init).joined(separator: ", "))"),
        ]
    }

    static func trustFilesCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "Command find / -maxdepth 3 -iname .rhosts -o -iname .netrc should find nothing"
        let search = facts.fileSearch
        let found = search.trustFiles.map(\.path)
        if !found.isEmpty { return [CheckResult(.failed, description, message: found.prefix(10).joined(separator: ", "))] }
        // The search goes 3 levels deep on purpose; any other limit leaves the answer unknown.
        if !search.limitsHit.subtracting([.depth]).isEmpty {
            return [CheckResult(.error, description, message: "the file search stopped early: \(search.limitReason ?? "limit")")]
        }
        return [CheckResult(.passed, description)]
    }

    static func unusedFilesystemsCheck(_ facts: HostFacts) -> [CheckResult] {
        let snapd = facts.packages.isInstalled("snapd") == true
        let efi = facts.target.isLive ? facts.target.exists("/sys/firmware/efi") : facts.mounts.isMounted("/boot/efi")
        return unusedFilesystems.compactMap { module -> CheckResult? in
            if module == "squashfs" && snapd { return nil }
            if module == "vfat" && efi { return nil }
            let description = "Kernel module \(module) should be disabled"
            // A drop-in that could not be read may be the one that disables it, or re-enables it.
            if !facts.modules.problems.isEmpty {
                return CheckResult(.error, description, message: "not all of the modprobe configuration was read: \(facts.modules.problems.prefix(3).joined(separator: "; "))")
            }
            return facts.modules.isDisabled(module) ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "no `install \(module) /bin/true` or blacklist in modprobe.d")
        }
    }

    static func cpuVulnerabilitiesCheck(_ facts: HostFacts) -> [CheckResult] {
        let folder = "/sys/devices/system/cpu/vulnerabilities"
        guard let names = try? facts.target.list(folder) else {
            return [CheckResult(.skipped, "File \(folder) should be a directory", message: "the kernel does not report CPU vulnerabilities")]
        }
        return names.map { name in
            let description = "File \(folder)/\(name) content should not say vulnerable"
            let content = facts.target.text("\(folder)/\(name)", limit: 4096)?.trimmingWhitespace() ?? ""
            return content.lowercased().hasPrefix("vulnerable") ? CheckResult(.failed, description, message: content) : CheckResult(.passed, description)
        }
    }

    static func cronCheck(_ facts: HostFacts) -> [CheckResult] {
        let entries = facts.cron.entries
        guard !entries.isEmpty else { return [CheckResult(.skipped, "Cron files", message: "no cron files on \(facts.target.name)")] }
        return entries.flatMap { entry -> [CheckResult] in
            let owner = facts.userName(entry.info.uid)
            let mode = entry.info.octalMode
            return [
                owner == "root" ? CheckResult(.passed, "File \(entry.path) should be owned by root")
                    : CheckResult(.failed, "File \(entry.path) should be owned by root", message: "owned by \(owner)"),
                entry.info.mode & 0o066 == 0 ? CheckResult(.passed, "File \(entry.path) should not be readable or writable by group or other")
                    : CheckResult(.failed, "File \(entry.path) should not be readable or writable by group or other", message: "mode \(mode)"),
            ]
        }
    }

    static func mountOptionCheck(_ facts: HostFacts, option: String, paths: [String]) -> [CheckResult] {
        let mounted = paths.compactMap { facts.mounts.mount(at: $0) }
        guard !mounted.isEmpty else {
            return [CheckResult(.skipped, "Mount points should have \(option)", message: "none of \(paths.joined(separator: ", ")) is a mount point on \(facts.target.name)")]
        }
        return mounted.map { entry in
            let description = "Mount \(entry.mountPoint) options should include \"\(option)\""
            return entry.hasOption(option) ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "options: \(entry.options.joined(separator: ","))")
        }
    }
}

/// The built-in profiles.
public enum BuiltInProfiles {
    public static var all: [Profile] { [LinuxBaseline.profile, SSHBaseline.profile] }

    public static func named(_ name: String) -> Profile? { all.first { $0.name == name } }
}
