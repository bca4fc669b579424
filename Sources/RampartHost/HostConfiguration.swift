import Foundation
import RampartCore

extension HostScanner {
    /// The `host:` section of `.rampart.yml`, for `rampart scan`: without a `target` no host is
    /// checked. Paths are relative to the configuration file's folder.
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        let base = reader.file.contains("/") ? String(reader.file[..<(reader.file.lastIndex(of: "/") ?? reader.file.endIndex)]) : "."
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || path.hasPrefix("~") ? path : URL(fileURLWithPath: base + "/" + path).standardizedFileURL.path
        }
        var profileNames: [(name: String, entry: ConfigNode)] = []
        var waiverFile: (path: String, entry: ConfigNode)?
        for entry in try reader.mapping(section, key: "host") {
            let key = "host.\(entry.key)"
            switch entry.key {
            case "target":
                let text = try reader.string(entry.value, key: key)
                guard text == "local" || text.hasPrefix("dir:") || text.hasPrefix("ssh://") else {
                    throw reader.error(entry.value, key: key, "'\(text)' is not a target: local, dir:/path/to/rootfs or ssh://user@host:port")
                }
                if text.hasPrefix("ssh://") {
                    do throws(HostError) { _ = try SSHAddress(parsing: text) } catch { throw reader.error(entry.value, key: key, error.description) }
                }
                copy.options.targetSpec = text.hasPrefix("dir:") ? "dir:" + resolve(String(text.dropFirst(4))) : text
                let path = text.dropFirst(4)
                copy.options.targetName = text.hasPrefix("dir:") && !path.hasPrefix("/") && !path.hasPrefix("~") ? "dir:" + path : nil
            case "profiles":
                profileNames = try reader.strings(entry.value, key: key).map { ($0, entry.value) }
            case "waivers": waiverFile = (resolve(try reader.string(entry.value, key: key)), entry.value)
            case "identity": copy.options.ssh.identity = resolve(try reader.string(entry.value, key: key))
            case "known_hosts":
                let file = resolve(try reader.string(entry.value, key: key))
                copy.options.ssh.hostKeys = HostKeyPolicy(knownHostsFiles: [file], recordFile: file, acceptNew: copy.options.ssh.hostKeys.acceptNew)
            case "accept_new_host_key": copy.options.ssh.hostKeys.acceptNew = try reader.bool(entry.value, key: key)
            case "sudo": copy.options.ssh.sudo = try reader.bool(entry.value, key: key)
            default:
                throw reader.error(entry.value, key: key, "unknown key; host takes target, profiles, waivers, identity, known_hosts, accept_new_host_key, sudo")
            }
        }
        copy.options.profiles = try profileNames.map { name, node throws(ConfigurationError) -> Profile in
            if let builtIn = BuiltInProfiles.named(name) { return builtIn }
            let file = resolve(name)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw reader.error(node, key: "host.profiles", "no built-in profile '\(name)' and no such file (built in: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
            }
            return try ProfileLoader.load(yaml: String(decoding: data, as: UTF8.self), file: file, builtIn: BuiltInProfiles.all)
        }
        if let waiverFile {
            guard let data = FileManager.default.contents(atPath: waiverFile.path) else { throw reader.error(waiverFile.entry, key: "host.waivers", "cannot read \(waiverFile.path)") }
            copy.options.waivers = try WaiverLoader.load(yaml: String(decoding: data, as: UTF8.self), file: waiverFile.path)
        }
        return copy
    }
}
