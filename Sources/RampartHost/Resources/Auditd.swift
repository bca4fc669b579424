import Foundation

/// `/etc/audit/auditd.conf`: `key = value` lines, `#` comments. Keys are matched without regard
/// to case (auditd's keywords are lower case; values such as `SYSLOG` are compared by the
/// caller). A key given twice keeps its last value: auditd applies each line as it reads it.
public struct AuditdConf: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public var entries: [Entry]
    public var path: String

    /// Why the file could not be read whole (too large, not a regular file): nothing is known.
    public var problem: String?

    public init(entries: [Entry], path: String = AuditdConf.defaultPath) {
        self.entries = entries
        self.path = path
    }

    public static let defaultPath = "/etc/audit/auditd.conf"

    /// Nil when the file does not exist or cannot be read.
    public static func load(from target: any HostTarget) -> AuditdConf? {
        guard target.exists(defaultPath) else { return nil }
        switch HostPath.readConfig(defaultPath, on: target) {
        case .success(let text): return text.map { parse($0) }
        case .failure(let error):
            var unread = AuditdConf(entries: [])
            unread.problem = "\(error)"
            return unread
        }
    }

    public static func parse(_ text: String, path: String = AuditdConf.defaultPath) -> AuditdConf {
        var entries: [Entry] = []
        ConfigText.forEachLine(text) { number, line in
            let content = ConfigText.trimmed(line)
            guard !content.isEmpty, content.first != "#", let equals = content.firstIndex(of: "=") else { return }
            let key = ConfigText.trimmed(content[..<equals])
            guard !key.isEmpty else { return }
            entries.append(Entry(key: String(key), value: String(ConfigText.trimmed(content[content.index(after: equals)...])), line: number))
        }
        return AuditdConf(entries: entries, path: path)
    }

    public func value(_ key: String) -> String? {
        let key = key.lowercased()
        return entries.last { $0.key.lowercased() == key }?.value
    }

    public subscript(_ key: String) -> String? { value(key) }

    public func source(of key: String) -> ConfigOrigin? {
        let key = key.lowercased()
        return entries.last { $0.key.lowercased() == key }.map { ConfigOrigin(path: path, line: $0.line) }
    }
}
