import Foundation

/// Mounted file systems: what is mounted now (`/proc/mounts`) on a live target, what would be
/// mounted at boot (`/etc/fstab`) on a root file system.
public struct Mounts: Sendable, Equatable {
    public enum Source: String, Sendable {
        case procMounts = "/proc/mounts"
        case fstab = "/etc/fstab"
    }

    public struct Entry: Sendable, Equatable {
        /// `/dev/sda1`, `UUID=…`, `LABEL=…`, `tmpfs`, `none`.
        public var device: String
        public var mountPoint: String
        public var type: String
        public var options: [String]
        public var line: Int

        public func hasOption(_ option: String) -> Bool {
            options.contains { $0 == option || $0.hasPrefix(option + "=") }
        }

        /// The value of `name=value` (`mode=1777`).
        public func option(_ name: String) -> String? {
            options.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
        }
    }

    public var source: Source
    public var entries: [Entry]

    public init(source: Source, entries: [Entry]) {
        self.source = source
        self.entries = entries
    }

    /// A target with neither file has an empty table (a container image often has no fstab).
    public static func load(from target: any HostTarget) -> Mounts {
        if target.isLive, let text = target.text("/proc/mounts", limit: ResourceLimits.configBytes) {
            return parse(text, source: .procMounts)
        }
        return parse(target.text("/etc/fstab", limit: ResourceLimits.configBytes) ?? "", source: .fstab)
    }

    /// Both files share the format: `device mountpoint type options dump pass`, fields escaped
    /// with octal (`\040` for a space); fstab adds `#` comments and optional last fields.
    public static func parse(_ text: String, source: Source) -> Mounts {
        var entries: [Entry] = []
        ConfigText.forEachLine(text) { number, line in
            let content = ConfigText.trimmed(line)
            guard !content.isEmpty, content.first != "#" else { return }
            let fields = ConfigText.fields(content)
            guard fields.count >= 2 else { return }
            let mountPoint = unescape(fields[1])
            entries.append(Entry(device: unescape(fields[0]),
                                 mountPoint: mountPoint == "none" || mountPoint == "swap" ? mountPoint : normalizeMountPoint(mountPoint),
                                 type: fields.count > 2 ? unescape(fields[2]) : "auto",
                                 options: fields.count > 3 ? fields[3].split(separator: ",").map { unescape($0) } : ["defaults"],
                                 line: number))
        }
        return Mounts(source: source, entries: entries)
    }

    /// `\040` → space, `\011` → tab, `\012` → newline, `\134` → backslash.
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x5C, index + 3 < utf8.count {
                let digits = utf8[(index + 1)...(index + 3)]
                if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                    let value = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
                    if value < 256 {
                        bytes.append(UInt8(value))
                        index += 4
                        continue
                    }
                }
            }
            bytes.append(utf8[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func normalizeMountPoint(_ path: String) -> String {
        path.hasPrefix("/") ? HostPath.normalize(path) : path
    }

    // MARK: Queries

    /// The file system mounted at `path`: the last entry for it (a later mount hides an earlier
    /// one on a live system; fstab mounts in order too).
    public func mount(at path: String) -> Entry? {
        let path = Self.normalizeMountPoint(path)
        return entries.last { $0.mountPoint == path }
    }

    public func isMounted(_ path: String) -> Bool { mount(at: path) != nil }

    /// The options of the mount at `path` (empty when nothing is mounted there).
    public func options(at path: String) -> [String] { mount(at: path)?.options ?? [] }
}
