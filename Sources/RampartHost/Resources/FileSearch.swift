import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One walk of the target's file system collecting what several controls look for, so the tree
/// is read once: setuid/setgid files, world-writable files, world-writable folders without the
/// sticky bit, and `.rhosts`/`.netrc` files near the top (`find / -maxdepth 3 -iname …`).
///
/// The walk never follows symlinks, never enters `/proc`, `/sys`, `/dev`, `/run`, stays on the
/// root's device on live targets (`find -xdev`: other mounts, NFS included, are not crossed) and
/// stops at a number of entries, a depth and optionally a time limit, saying so in `truncated`.
///
/// Folder targets (the local machine, images) are walked with `openat`/`fstatat` relative to
/// folder descriptors, `find`'s way: no path is resolved again for each file and no string is
/// made for an entry that matches nothing. SSH targets run one `find` with the same predicates;
/// other targets go through `list` and `info`.
public struct FileSearch: Sendable, Equatable {
    public struct Options: Sendable, Equatable {
        public var root: String
        /// Folders not entered (their entry itself is still examined).
        public var excluded: Set<String>
        public var maxEntries: Int
        public var maxDepth: Int
        /// `.rhosts`/`.netrc` are looked for at this depth at most (`/` is 0, `/root/.netrc` 2).
        public var trustFileDepth: Int
        /// Stay on the root's file system; nil: only on live targets (an image's folder may sit
        /// on several host file systems that mean nothing for the image).
        public var sameDevice: Bool?
        public var timeLimit: Duration?

        public init(root: String = "/", excluded: Set<String> = ["/proc", "/sys", "/dev", "/run"], maxEntries: Int = 2_000_000,
                    maxDepth: Int = 64, trustFileDepth: Int = 3, sameDevice: Bool? = nil, timeLimit: Duration? = nil) {
            self.root = root
            self.excluded = excluded
            self.maxEntries = maxEntries
            self.maxDepth = maxDepth
            self.trustFileDepth = trustFileDepth
            self.sameDevice = sameDevice
            self.timeLimit = timeLimit
        }
    }

    public struct Match: Sendable, Equatable {
        public var path: String
        public var info: HostFileInfo
    }

    /// Regular files with the setuid or setgid bit. Every list is sorted by path.
    public var setuidFiles: [Match] = []
    /// Regular files anyone may write.
    public var worldWritableFiles: [Match] = []
    /// Folders anyone may write, without the sticky bit (anyone may delete others' files).
    public var worldWritableDirectories: [Match] = []
    /// `.rhosts` and `.netrc` (any case) within `trustFileDepth`.
    public var trustFiles: [Match] = []
    public var entriesVisited = 0
    /// Folders that could not be listed.
    public var unreadableDirectories = 0
    public enum Limit: String, Sendable, Hashable {
        case entries, depth, time
    }

    /// A limit stopped the walk: the results are incomplete.
    public var truncated = false
    /// The first limit hit, in words.
    public var limitReason: String?
    /// Every limit hit (a deliberate `maxDepth` and an entry limit can both cut one walk).
    public var limitsHit: Set<Limit> = []

    public init() {}

    public static func run(on target: any HostTarget, options: Options = Options()) -> FileSearch {
        var search = FileSearch()
        let root = HostPath.normalize(options.root)
        guard let rootInfo = target.info(root), rootInfo.kind == .directory else { return search }
        var walk = Walk(options: options, checkDevice: options.sameDevice ?? target.isLive, rootDevice: rootInfo.device)
        if let remote = target as? SSHTarget { return remote.remoteFileSearch(options) }
        #if canImport(Glibc)
        if let folder = target as? DirectoryTarget, let hostRoot = try? folder.resolve(root) {
            walk.runOnDescriptors(hostRoot: hostRoot, root: root, into: &search)
            search.sortResults()
            return search
        }
        #endif
        walk.runGeneric(on: target, root: root, into: &search)
        search.sortResults()
        return search
    }

    mutating func stop(_ limit: Limit, _ reason: String) {
        truncated = true
        limitsHit.insert(limit)
        if limitReason == nil { limitReason = reason }
    }

    mutating func sortResults() {
        let byPath: (Match, Match) -> Bool = { ConfigText.byteOrder($0.path, $1.path) }
        setuidFiles.sort(by: byPath)
        worldWritableFiles.sort(by: byPath)
        worldWritableDirectories.sort(by: byPath)
        trustFiles.sort(by: byPath)
    }

    /// The rules of one walk, shared by both ways of reading the tree.
    struct Walk {
        let options: Options
        let checkDevice: Bool
        let rootDevice: UInt64
        let clock = ContinuousClock()
        let deadline: ContinuousClock.Instant?

        init(options: Options, checkDevice: Bool, rootDevice: UInt64) {
            self.options = options
            self.checkDevice = checkDevice
            self.rootDevice = rootDevice
            self.deadline = options.timeLimit.map { ContinuousClock().now + $0 }
        }

        var pastDeadline: Bool {
            guard let deadline else { return false }
            return clock.now >= deadline
        }

        /// Records what an entry is a match for.
        func classify(_ path: @autoclosure () -> String, name: @autoclosure () -> String, info: HostFileInfo, depth: Int, into search: inout FileSearch) {
            switch info.kind {
            case .file:
                if info.mode & 0o6000 != 0 { search.setuidFiles.append(Match(path: path(), info: info)) }
                if info.mode & 0o002 != 0 { search.worldWritableFiles.append(Match(path: path(), info: info)) }
            case .directory:
                if info.mode & 0o002 != 0 && info.mode & 0o1000 == 0 {
                    search.worldWritableDirectories.append(Match(path: path(), info: info))
                }
            default:
                break
            }
            if depth <= options.trustFileDepth, info.kind != .directory, FileSearch.isTrustFile(name()) {
                search.trustFiles.append(Match(path: path(), info: info))
            }
        }

        /// Whether to walk into a folder at `depth` (the folder's own depth).
        func shouldEnter(_ path: String, info: HostFileInfo, depth: Int, search: inout FileSearch) -> Bool {
            guard !options.excluded.contains(path) else { return false }
            guard !checkDevice || info.device == rootDevice else { return false }
            guard depth < options.maxDepth else {
                search.stop(.depth, "deeper than \(options.maxDepth) levels")
                return false
            }
            return true
        }

        mutating func runGeneric(on target: any HostTarget, root: String, into search: inout FileSearch) {
            // Depth-first with an explicit stack: no recursion to overflow on deep trees.
            var stack: [(path: String, depth: Int)] = [(root, 0)]
            walk: while let (folder, depth) = stack.popLast() {
                if pastDeadline {
                    search.stop(.time, "time limit reached")
                    break
                }
                guard let names = try? target.list(folder) else {
                    search.unreadableDirectories += 1
                    continue
                }
                let prefix = folder == "/" ? "/" : folder + "/"
                for name in names {
                    guard search.entriesVisited < options.maxEntries else {
                        search.stop(.entries, "more than \(options.maxEntries) entries")
                        break walk
                    }
                    search.entriesVisited += 1
                    let path = prefix + name
                    guard let info = target.info(path, followLinks: false) else { continue }
                    classify(path, name: name, info: info, depth: depth + 1, into: &search)
                    if info.kind == .directory, shouldEnter(path, info: info, depth: depth + 1, search: &search) {
                        stack.append((path, depth + 1))
                    }
                }
            }
        }

        #if canImport(Glibc)
        /// Walks a host folder through descriptors: each folder is opened relative to its parent
        /// with `O_NOFOLLOW`, each entry examined with `fstatat(AT_SYMLINK_NOFOLLOW)`, so a link
        /// swapped in during the walk is never followed out of the root. At most `maxDepth`
        /// folders are open at once.
        mutating func runOnDescriptors(hostRoot: String, root: String, into search: inout FileSearch) {
            struct Level {
                let stream: OpaquePointer
                /// The folder's path in the target with a trailing slash, made once per folder.
                let prefix: String
                let depth: Int
            }
            if pastDeadline {
                search.stop(.time, "time limit reached")
                return
            }
            let rootDescriptor = open(hostRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard rootDescriptor >= 0, let rootStream = fdopendir(rootDescriptor) else {
                if rootDescriptor >= 0 { close(rootDescriptor) }
                search.unreadableDirectories += 1
                return
            }
            var levels = [Level(stream: rootStream, prefix: root == "/" ? "/" : root + "/", depth: 0)]
            defer { for level in levels { closedir(level.stream) } }
            var status = stat()
            var full = false
            var directoriesSinceClockCheck = 0

            while let level = levels.last {
                guard let entry = readdir(level.stream) else {
                    closedir(level.stream)
                    levels.removeLast()
                    continue
                }
                // A String is made only for entries that match or are walked into.
                let descend: (path: String, name: String)? = withUnsafePointer(to: &entry.pointee.d_name) { raw in
                    raw.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { name -> (path: String, name: String)? in
                        if name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0)) { return nil }  // . and ..
                        guard search.entriesVisited < options.maxEntries else {
                            full = true
                            return nil
                        }
                        search.entriesVisited += 1
                        guard fstatat(dirfd(level.stream), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                        let info = Self.info(status)
                        let depth = level.depth + 1
                        classify(level.prefix + String(cString: name), name: String(cString: name), info: info, depth: depth, into: &search)
                        guard info.kind == .directory else { return nil }
                        let entryName = String(cString: name)
                        let path = level.prefix + entryName
                        return shouldEnter(path, info: info, depth: depth, search: &search) ? (path, entryName) : nil
                    }
                }
                if full {
                    search.stop(.entries, "more than \(options.maxEntries) entries")
                    break
                }
                guard let (path, name) = descend else { continue }
                directoriesSinceClockCheck += 1
                if directoriesSinceClockCheck >= 64 {
                    directoriesSinceClockCheck = 0
                    if pastDeadline {
                        search.stop(.time, "time limit reached")
                        break
                    }
                }
                let descriptor = openat(dirfd(level.stream), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0, let stream = fdopendir(descriptor) else {
                    if descriptor >= 0 { close(descriptor) }
                    search.unreadableDirectories += 1
                    continue
                }
                levels.append(Level(stream: stream, prefix: path + "/", depth: level.depth + 1))
            }
        }

        static func info(_ status: stat) -> HostFileInfo { HostFileInfo(status) }
        #endif
    }

    static func isTrustFile(_ name: String) -> Bool {
        name.utf8.count == 6 || name.utf8.count == 7 ? [".rhosts", ".netrc"].contains(name.lowercased()) : false
    }
}
