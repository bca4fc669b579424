import Foundation
import RampartCore

extension HostScanner {
    /// The `host:` section of `.rampart.yml`, for `rampart scan`: without a `target` no host is
    /// checked. Paths are relative to the configuration file's folder.
    ///
    /// A repository's own file (`reader.confinement` set) is held to what the repository may
    /// choose: files (profiles, waivers, `dir:` root file systems) inside it; the local machine
    /// or an SSH host only when the person running Rampart lists `local` or `ssh://host:port` in
    /// `RAMPART_ALLOWED_ORIGINS`; never an SSH identity or a known_hosts file (flags only).
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        try configured(with: section, reader: reader, environment: ProcessInfo.processInfo.environment)
    }

    public func configured(with section: ConfigNode, reader: NodeReader, environment: [String: String]) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        let base = reader.folder
        let fromRepository = reader.confinement != nil
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || path.hasPrefix("~") ? path : URL(fileURLWithPath: base + "/" + path).standardizedFileURL.path
        }
        /// A path the file names: inside the repository when the file is the repository's.
        func path(_ text: String, _ node: ConfigNode, _ key: String) throws(ConfigurationError) -> String {
            fromRepository ? try reader.resolve(text, node: node, key: key) : resolve(text)
        }
        let trusted = TrustedOrigins(environment: environment)
        let localAllowed = (environment[TrustedOrigins.variable] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).contains("local")
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
                if fromRepository && !text.hasPrefix("dir:") {
                    let listed = text == "local" ? localAllowed : (try? SSHAddress(parsing: text)).map { trusted.allows("ssh://\($0.host):\($0.port)") } ?? false
                    guard listed else {
                        throw reader.error(entry.value, key: key, "the target \(TextEscaping.escape(text)) was chosen by the scanned repository, not by you: pass it with --target, or list \(text == "local" ? "local" : "ssh://host:port") in \(TrustedOrigins.variable)")
                    }
                }
                copy.options.targetSpec = text.hasPrefix("dir:") ? "dir:" + (try path(String(text.dropFirst(4)), entry.value, key)) : text
                let path = text.dropFirst(4)
                copy.options.targetName = text.hasPrefix("dir:") && !path.hasPrefix("/") && !path.hasPrefix("~") ? "dir:" + path : nil
            case "profiles":
                profileNames = try reader.strings(entry.value, key: key).map { ($0, entry.value) }
            case "waivers": waiverFile = (try path(try reader.string(entry.value, key: key), entry.value, key), entry.value)
            case "identity":
                // The repository must not make Rampart present the CI's keys or write a known_hosts file of its choosing.
                if fromRepository { throw reader.error(entry.value, key: key, "an SSH identity is given with --identity, never by the scanned repository") }
                copy.options.ssh.identity = resolve(try reader.string(entry.value, key: key))
            case "known_hosts":
                if fromRepository { throw reader.error(entry.value, key: key, "a known_hosts file is given with --known-hosts, never by the scanned repository") }
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
            let file = try path(name, node, "host.profiles")
            guard let data = try? Data(FileReader.read(file, limit: 4 << 20)) else {
                throw reader.error(node, key: "host.profiles", "no built-in profile '\(name)' and no such file (built in: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
            }
            return try ProfileLoader.load(yaml: String(decoding: data, as: UTF8.self), file: file, builtIn: BuiltInProfiles.all)
        }
        if let waiverFile {
            guard let data = try? Data(FileReader.read(waiverFile.path, limit: 4 << 20)) else { throw reader.error(waiverFile.entry, key: "host.waivers", "cannot read \(waiverFile.path)") }
            copy.options.waivers = try WaiverLoader.load(yaml: String(decoding: data, as: UTF8.self), file: waiverFile.path)
        }
        return copy
    }
}
