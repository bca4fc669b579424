import Foundation

/// The target's local accounts: `/etc/passwd`, `/etc/group` and, when readable, `/etc/shadow`.
/// Owners of files on an image are named from the image's own databases through this, never
/// from the machine running the scan.
public struct UserDatabase: Sendable, Equatable {
    public struct User: Sendable, Equatable {
        public var name: String
        /// The password field: `x` (in shadow), `*`/`!` (locked) or, wrongly, a hash.
        public var password: String
        public var uid: UInt32
        public var gid: UInt32
        public var gecos: String
        public var home: String
        public var shell: String
        public var line: Int
    }

    public struct Group: Sendable, Equatable {
        public var name: String
        public var password: String
        public var gid: UInt32
        public var members: [String]
        public var line: Int
    }

    public struct ShadowEntry: Sendable, Equatable {
        public var name: String
        /// The hash field: a crypt hash, `*` or `!…` (locked), empty (no password).
        public var hash: String
        /// Days since 1970-01-01; nil when the field is empty.
        public var lastChange: Int?
        public var minDays: Int?
        public var maxDays: Int?
        public var warnDays: Int?
        public var inactiveDays: Int?
        public var expire: Int?
        public var line: Int

        /// Locked (`!`, `*` prefixes) accounts cannot log in with a password.
        public var isLocked: Bool { hash.hasPrefix("!") || hash.hasPrefix("*") }
        public var hasEmptyPassword: Bool { hash.isEmpty }
    }

    public var users: [User]
    public var groups: [Group]
    /// Nil when `/etc/shadow` is missing or unreadable (not root on a live host).
    public var shadow: [ShadowEntry]?
    /// Lines that could not be parsed, as `file:line`.
    public var malformed: [String]

    public init(users: [User] = [], groups: [Group] = [], shadow: [ShadowEntry]? = nil, malformed: [String] = []) {
        self.users = users
        self.groups = groups
        self.shadow = shadow
        self.malformed = malformed
    }

    public static func load(from target: any HostTarget) -> UserDatabase {
        var database = UserDatabase()
        var malformed: [Int] = []
        database.users = parsePasswd(target.text("/etc/passwd", limit: ResourceLimits.databaseBytes) ?? "", malformed: &malformed)
        database.malformed += malformed.map { "/etc/passwd:\($0)" }
        malformed = []
        database.groups = parseGroup(target.text("/etc/group", limit: ResourceLimits.databaseBytes) ?? "", malformed: &malformed)
        database.malformed += malformed.map { "/etc/group:\($0)" }
        malformed = []
        if let text = target.text("/etc/shadow", limit: ResourceLimits.databaseBytes) {
            database.shadow = parseShadow(text, malformed: &malformed)
            database.malformed += malformed.map { "/etc/shadow:\($0)" }
        }
        return database
    }

    // MARK: Parsers

    /// `name:password:uid:gid:gecos:home:shell`. NIS compat lines (`+`, `-`) are not accounts.
    public static func parsePasswd(_ text: String) -> [User] {
        var ignored: [Int] = []
        return parsePasswd(text, malformed: &ignored)
    }

    public static func parsePasswd(_ text: String, malformed: inout [Int]) -> [User] {
        var users: [User] = []
        forEachRecord(text, malformed: &malformed, minimumFields: 7) { number, fields in
            guard let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) else { return false }
            users.append(User(name: String(fields[0]), password: String(fields[1]), uid: uid, gid: gid, gecos: String(fields[4]),
                              home: String(fields[5]), shell: String(fields[6]), line: number))
            return true
        }
        return users
    }

    /// `name:password:gid:member,member`.
    public static func parseGroup(_ text: String) -> [Group] {
        var ignored: [Int] = []
        return parseGroup(text, malformed: &ignored)
    }

    public static func parseGroup(_ text: String, malformed: inout [Int]) -> [Group] {
        var groups: [Group] = []
        forEachRecord(text, malformed: &malformed, minimumFields: 4) { number, fields in
            guard let gid = UInt32(fields[2]) else { return false }
            let members = fields[3].split(separator: ",").map { String(ConfigText.trimmed($0)) }.filter { !$0.isEmpty }
            groups.append(Group(name: String(fields[0]), password: String(fields[1]), gid: gid, members: members, line: number))
            return true
        }
        return groups
    }

    /// `name:hash:lastchange:min:max:warn:inactive:expire:reserved`; empty numbers are nil.
    public static func parseShadow(_ text: String) -> [ShadowEntry] {
        var ignored: [Int] = []
        return parseShadow(text, malformed: &ignored)
    }

    public static func parseShadow(_ text: String, malformed: inout [Int]) -> [ShadowEntry] {
        var entries: [ShadowEntry] = []
        forEachRecord(text, malformed: &malformed, minimumFields: 2) { number, fields in
            func day(_ index: Int) -> Int? { index < fields.count ? Int(fields[index]) : nil }
            entries.append(ShadowEntry(name: String(fields[0]), hash: String(fields[1]), lastChange: day(2), minDays: day(3), maxDays: day(4),
                                       warnDays: day(5), inactiveDays: day(6), expire: day(7), line: number))
            return true
        }
        return entries
    }

    /// Colon-separated records; `body` returns false for a malformed record.
    private static func forEachRecord(_ text: String, malformed: inout [Int], minimumFields: Int,
                                      _ body: (Int, [Substring]) -> Bool) {
        var bad: [Int] = []
        ConfigText.forEachLine(text) { number, line in
            let content = ConfigText.trimmed(line)
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix("+") || content.hasPrefix("-") { return }
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= minimumFields, !fields[0].isEmpty, body(number, fields) else {
                bad.append(number)
                return
            }
        }
        malformed += bad
    }

    // MARK: Queries

    public func user(named name: String) -> User? { users.first { $0.name == name } }
    public func group(named name: String) -> Group? { groups.first { $0.name == name } }
    public func shadowEntry(for name: String) -> ShadowEntry? { shadow?.first { $0.name == name } }

    /// The first account with `uid`, as `getpwuid` answers; nil when the target has none.
    public func userName(uid: UInt32) -> String? { users.first { $0.uid == uid }?.name }
    public func groupName(gid: UInt32) -> String? { groups.first { $0.gid == gid }?.name }

    /// The groups `name` belongs to: its primary group and every group listing it.
    public func groups(of name: String) -> [Group] {
        let primary = user(named: name)?.gid
        return groups.filter { $0.gid == primary || $0.members.contains(name) }
    }

    public var uids: [UInt32] { users.map(\.uid) }
    public var gids: [UInt32] { groups.map(\.gid) }

    /// Ids used by more than one account, ascending.
    public var duplicateUIDs: [UInt32] { Self.duplicates(users.map(\.uid)) }
    public var duplicateGIDs: [UInt32] { Self.duplicates(groups.map(\.gid)) }
    public var duplicateUserNames: [String] { Self.duplicates(users.map(\.name)) }
    public var duplicateGroupNames: [String] { Self.duplicates(groups.map(\.name)) }

    /// Accounts other than root with uid 0.
    public var extraRootAccounts: [User] { users.filter { $0.uid == 0 && $0.name != "root" } }

    static func duplicates<T: Hashable & Comparable>(_ values: [T]) -> [T] {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.keys.sorted()
    }
}
