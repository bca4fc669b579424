import Foundation

/// `/etc/login.defs`, read the way shadow-utils' `getdef.c` reads it: the first word is the key,
/// the value starts after blanks and double quotes and ends at the next double quote (so
/// `KEY "a b"` is `a b`, and text after the value, even `# …`, belongs to it). A key given twice
/// keeps its **last** value: `def_load` calls `putdef_str` for every line, which replaces the
/// stored value. Keys are case-sensitive, as in shadow-utils.
public struct LoginDefs: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
    }

    /// Every assignment in file order, duplicates included.
    public var entries: [Entry]
    public var path: String
    /// Why the file could not be read whole (too large, not a regular file): nothing is known.
    public var problem: String?

    public init(entries: [Entry] = [], path: String = "/etc/login.defs") {
        self.entries = entries
        self.path = path
    }

    /// Nil when the file does not exist (or cannot be read); SUSE's `/usr/etc/login.defs`
    /// (libeconf vendor file) is read when `/etc/login.defs` is absent.
    public static func load(from target: any HostTarget) -> LoginDefs? {
        for path in ["/etc/login.defs", "/usr/etc/login.defs"] where target.exists(path) {
            switch HostPath.readConfig(path, on: target) {
            case .success(let text?): return parse(text, path: path)
            case .success(nil): continue
            case .failure(let error):
                var unread = LoginDefs(path: path)
                unread.problem = "\(error)"
                return unread
            }
        }
        return nil
    }

    public static func parse(_ text: String, path: String = "/etc/login.defs") -> LoginDefs {
        var entries: [Entry] = []
        ConfigText.forEachLine(text) { number, line in
            let content = ConfigText.trimmed(line)
            guard !content.isEmpty, content.first != "#" else { return }
            guard let end = content.firstIndex(where: ConfigText.isBlank) else { return }  // a key alone is ignored
            let key = content[..<end]
            var rest = content[end...].drop { $0 == " " || $0 == "\t" || $0 == "\"" }
            if let quote = rest.firstIndex(of: "\"") { rest = rest[..<quote] }
            entries.append(Entry(key: String(key), value: String(rest), line: number))
        }
        return LoginDefs(entries: entries, path: path)
    }

    /// The effective value (last assignment).
    public func value(_ key: String) -> String? { entries.last { $0.key == key }?.value }
    public subscript(_ key: String) -> String? { value(key) }
    public func source(of key: String) -> ConfigOrigin? {
        entries.last { $0.key == key }.map { ConfigOrigin(path: path, line: $0.line) }
    }

    /// A numeric value as shadow-utils' `getdef_num` reads it (`0` prefix octal, `0x` hex).
    public func number(_ key: String) -> Int? {
        guard let text = value(key)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return Int(text.dropFirst(2), radix: 16) }
        if text.count > 1, text.hasPrefix("0") { return Int(text.dropFirst(), radix: 8) }
        return Int(text)
    }

    /// Keys assigned more than once (the last assignment wins; the earlier ones are dead text).
    public var duplicateKeys: [String] { UserDatabase.duplicates(entries.map(\.key)) }
}
