import Foundation

/// cron's system files and folders that exist on the target, with their metadata (owner, mode),
/// for permission checks. Absent ones are simply not listed.
public struct CronFiles: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var info: HostFileInfo
    }

    public static let paths = ["/etc/crontab", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly", "/etc/cron.d"]

    /// In the order of `paths`.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Metadata of each path itself (a link is reported as the link: its target's permissions
    /// do not protect the name).
    public static func load(from target: any HostTarget) -> CronFiles {
        CronFiles(entries: paths.compactMap { path in target.info(path, followLinks: false).map { Entry(path: path, info: $0) } })
    }

    public func entry(_ path: String) -> Entry? { entries.first { $0.path == path } }
}
