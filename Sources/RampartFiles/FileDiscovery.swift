#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RampartCore

/// Finds the files a scan reads.
///
/// It walks the tree without recursion, honours `.gitignore` (nested too), `.git/info/exclude` and
/// `.rampartignore`, skips `.git`, virtualenvs and vendored folders by default, skips binary and
/// oversized files with a diagnostic, and survives unreadable folders and symlink loops.
public struct FileDiscovery: Sendable {
    public struct Options: Sendable {
        public var include: GlobSet
        public var exclude: GlobSet
        public var useDefaultExcludes: Bool
        public var honourIgnoreFiles: Bool
        public var followSymlinks: Bool
        public var maxFileSize: Int
        public var maxDepth: Int

        public init(
            include: [String] = [], exclude: [String] = [], useDefaultExcludes: Bool = true,
            honourIgnoreFiles: Bool = true, followSymlinks: Bool = false,
            maxFileSize: Int = 5 << 20, maxDepth: Int = 256
        ) {
            self.include = GlobSet(include)
            self.exclude = GlobSet(exclude)
            self.useDefaultExcludes = useDefaultExcludes
            self.honourIgnoreFiles = honourIgnoreFiles
            self.followSymlinks = followSymlinks
            self.maxFileSize = maxFileSize
            self.maxDepth = maxDepth
        }

        public init(configuration: Configuration) {
            self.init(
                include: configuration.include, exclude: configuration.exclude,
                useDefaultExcludes: configuration.useDefaultExcludes, followSymlinks: configuration.followSymlinks,
                maxFileSize: configuration.maxFileSize
            )
        }
    }

    public struct Result: Sendable {
        /// The text files to scan, sorted by path.
        public var files: [SourceFile]
        public var diagnostics: [Diagnostic]
        /// Files passed over, by reason: `ignored`, `excluded`, `binary`, `too-large`, `symlink`.
        public var skipped: [String: Int]
        /// Files passed over as too large or as symlinks not followed, for scanners to claim.
        public var passedOver: [PassedOverFile] = []
    }

    /// Folder names skipped unless `default_excludes: false`.
    public static let defaultExcludedFolders: Set<String> = [
        ".hg", ".svn", ".bzr", "CVS", "node_modules", "bower_components", "__pycache__", ".tox", ".nox",
        ".eggs", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", "site-packages", ".venv",
        "venv", "virtualenv", "vendor", "third_party", ".build", ".swiftpm", ".idea", ".rampart",
    ]

    /// Extensions that are binary for sure; skipped without reading or a diagnostic.
    public static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "pdf", "zip", "gz", "tgz", "bz2", "xz",
        "7z", "rar", "jar", "war", "whl", "egg", "so", "dylib", "dll", "exe", "o", "a", "pyc", "pyo", "class",
        "mp3", "mp4", "avi", "mov", "wav", "ogg", "woff", "woff2", "ttf", "otf", "eot", "sqlite", "db", "bin",
    ]

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    private struct Pending {
        var absolute: String
        var relative: String
        var depth: Int
        var ignores: IgnoreStack
    }

    /// Walks `root` (a folder, or a single file).
    public func discover(root: String) -> Result {
        var result = Result(files: [], diagnostics: [], skipped: [:])
        var info = stat()
        guard stat(root, &info) == 0 else {
            result.diagnostics.append(Diagnostic(.error, code: "unreadable", message: "cannot read scan target: \(String(cString: strerror(errno)))", path: root))
            return result
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            let name = root.split(separator: "/").last.map(String.init) ?? root
            let folderFD = open((root as NSString).deletingLastPathComponent.isEmpty ? "." : (root as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if folderFD >= 0 { close(folderFD) } }
            consider(relative: name, folderFD: folderFD, name: name, into: &result)
            return result
        }
        var visited: Set<FileID> = [FileID(info)]
        var seenFiles: Set<FileID> = []
        let rootReal = realPath(root) ?? root
        var ignores = IgnoreStack()
        if options.honourIgnoreFiles {
            ignores = enclosingRepositoryIgnores(rootReal)
        }
        var stack = [Pending(absolute: root, relative: "", depth: 0, ignores: ignores)]
        // Symlinked folders wait until every real folder is walked, so a real path always wins over an alias.
        var deferredLinks: [(Pending, FileID)] = []
        while true {
            guard let folder = stack.popLast() else {
                guard !deferredLinks.isEmpty else { break }
                let (link, id) = deferredLinks.removeFirst()
                guard visited.insert(id).inserted else {
                    result.diagnostics.append(Diagnostic(.warning, code: "symlink-loop", message: "symlink leads to a folder already scanned (symlink loop?); skipped", path: link.relative))
                    continue
                }
                stack.append(link)
                continue
            }
            var ignores = folder.ignores
            if options.honourIgnoreFiles {
                ignores = ignores.adding(loadIgnoreFile(join(folder.absolute, ".gitignore"), base: folder.relative))
                ignores = ignores.adding(loadIgnoreFile(join(folder.absolute, ".rampartignore"), base: folder.relative))
            }
            guard let directory = PathBytes.withCString(folder.absolute, { opendir($0) }) else {
                result.diagnostics.append(Diagnostic(.warning, code: "unreadable", message: "cannot list folder: \(String(cString: strerror(errno)))", path: folder.relative.isEmpty ? "." : folder.relative))
                continue
            }
            defer { closedir(directory) }
            // Entries are examined relative to the open folder (fstatat, openat): no path walks.
            let folderFD = dirfd(directory)
            for listed in listFolder(directory) {
                // A name that is not UTF-8 is scanned all the same: its bytes travel as PathBytes.
                let name = listed.text
                let entryType: UInt8? = listed.type
                let absolute = join(folder.absolute, name)
                let relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
                var entry = stat()
                var kind: mode_t
                // Without symlinks to follow, readdir's type is enough: no stat per entry.
                if !options.followSymlinks, let type = entryType.flatMap({ FileDiscovery.mode(ofEntryType: $0) }) {
                    kind = type
                } else {
                    guard PathBytes.withCString(name, { fstatat(folderFD, $0, &entry, AT_SYMLINK_NOFOLLOW) }) == 0 else {
                        result.diagnostics.append(Diagnostic(.warning, code: "unreadable", message: "cannot stat: \(String(cString: strerror(errno)))", path: relative))
                        continue
                    }
                    kind = entry.st_mode & S_IFMT
                }
                let isLink = kind == S_IFLNK
                if isLink {
                    guard options.followSymlinks else {
                        result.skipped["symlink", default: 0] += 1
                        result.passedOver.append(PassedOverFile(file: SourceFile(path: relative, size: 0), reason: .symlink))
                        continue
                    }
                    guard PathBytes.withCString(name, { fstatat(folderFD, $0, &entry, 0) }) == 0 else {
                        result.diagnostics.append(Diagnostic(.warning, code: "broken-symlink", message: "symlink target cannot be read: \(String(cString: strerror(errno)))", path: relative))
                        continue
                    }
                    guard let target = realPath(absolute), target == rootReal || target.hasPrefix(rootReal == "/" ? "/" : rootReal + "/") else {
                        result.diagnostics.append(Diagnostic(.warning, code: "symlink-outside", message: "symlink points outside the scan root; not followed", path: relative))
                        continue
                    }
                    kind = entry.st_mode & S_IFMT
                }
                if kind == S_IFDIR {
                    if name == ".git" { continue }
                    if options.useDefaultExcludes && (FileDiscovery.defaultExcludedFolders.contains(name) || isVirtualenv(absolute)) {
                        result.skipped["excluded", default: 0] += 1
                        continue
                    }
                    if ignores.isIgnored(relative, isDirectory: true) {
                        result.skipped["ignored", default: 0] += 1
                        continue
                    }
                    if options.exclude.patterns.contains(where: { $0.matches(relative, isDirectory: true) }) {
                        result.skipped["excluded", default: 0] += 1
                        continue
                    }
                    guard folder.depth + 1 <= options.maxDepth else {
                        result.diagnostics.append(Diagnostic(.warning, code: "too-deep", message: "folder nesting deeper than \(options.maxDepth); skipped", path: relative))
                        continue
                    }
                    let pending = Pending(absolute: absolute, relative: relative, depth: folder.depth + 1, ignores: ignores)
                    if isLink {
                        deferredLinks.append((pending, FileID(entry)))
                        continue
                    }
                    // Only symlinks can reach a folder twice; without them the walk needs no identities.
                    if options.followSymlinks {
                        guard visited.insert(FileID(entry)).inserted else {
                            result.diagnostics.append(Diagnostic(.warning, code: "symlink-loop", message: "folder already scanned through another path; skipped", path: relative))
                            continue
                        }
                    }
                    stack.append(pending)
                } else if kind == S_IFREG {
                    if ignores.isIgnored(relative, isDirectory: false) {
                        result.skipped["ignored", default: 0] += 1
                        continue
                    }
                    if options.followSymlinks {
                        guard seenFiles.insert(FileID(entry)).inserted || !isLink else { continue }
                    }
                    consider(relative: relative, folderFD: folderFD, name: name, into: &result)
                }
                // Sockets, FIFOs and devices are never read.
            }
        }
        result.files.sort { $0.path < $1.path }
        return result
    }

    /// Decides on one regular file: excludes and includes, known binary extensions, then one read of
    /// its start (through the open folder) for its size and a NUL byte.
    private func consider(relative: String, folderFD: Int32, name: String, into result: inout Result) {
        if options.exclude.matches(file: relative) {
            result.skipped["excluded", default: 0] += 1
            return
        }
        if !options.include.isEmpty && !options.include.matches(file: relative) {
            result.skipped["excluded", default: 0] += 1
            return
        }
        var file = SourceFile(path: relative, size: 0)
        if FileDiscovery.binaryExtensions.contains(file.pathExtension) {
            result.skipped["binary", default: 0] += 1
            return
        }
        do {
            let (prefix, size) = try FileReader.sniff(in: folderFD, name: name, count: 8000)
            file.size = size
            if size > options.maxFileSize {
                result.skipped["too-large", default: 0] += 1
                result.passedOver.append(PassedOverFile(file: file, reason: .tooLarge))
                result.diagnostics.append(FileReadError.tooLarge(size: size, limit: options.maxFileSize).diagnostic(scanner: nil, path: relative))
                return
            }
            if prefix.contains(0) {
                result.skipped["binary", default: 0] += 1
                result.diagnostics.append(Diagnostic(.note, code: "binary-file", message: "skipped: binary content", path: relative))
                return
            }
        } catch {
            result.diagnostics.append(error.diagnostic(scanner: nil, path: relative))
            return
        }
        result.files.append(file)
    }

    private func isVirtualenv(_ folder: String) -> Bool {
        var info = stat()
        return PathBytes.withCString(join(folder, "pyvenv.cfg")) { stat($0, &info) } == 0
    }

    /// Reads an ignore file; like git, never through a symlink.
    private func loadIgnoreFile(_ path: String, base: String, outerPrefix: String = "") -> IgnoreFile? {
        var info = stat()
        guard PathBytes.withCString(path, { lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let bytes = try? FileReader.read(path, limit: 1 << 20) else { return nil }
        return IgnoreFile(base: base, outerPrefix: outerPrefix, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The ignore files that apply from outside the scan root: when the root is inside a git
    /// work tree, the `.gitignore` of every folder from the top of the work tree down to the root,
    /// and `.git/info/exclude`, as git would apply them.
    private func enclosingRepositoryIgnores(_ root: String) -> IgnoreStack {
        var components = root.split(separator: "/").map(String.init)
        var above: [String] = []
        var top: String?
        while true {
            let folder = "/" + components.joined(separator: "/")
            var info = stat()
            if lstat(join(folder, ".git"), &info) == 0 {
                top = folder
                break
            }
            guard let last = components.popLast() else { break }
            above.insert(last, at: 0)
        }
        guard let top else { return IgnoreStack() }
        // `above` holds the path from the top of the work tree down to the root.
        var stack = IgnoreStack().adding(loadIgnoreFile(join(top, ".git/info/exclude"), base: "", outerPrefix: above.joined(separator: "/")))
        var folder = top
        for (index, name) in above.enumerated() {
            stack = stack.adding(loadIgnoreFile(join(folder, ".gitignore"), base: "", outerPrefix: above[index...].joined(separator: "/")))
            folder = join(folder, name)
        }
        return stack
    }

    /// `S_IFREG` or `S_IFDIR` for those readdir types; nil when a stat must tell (links, unknown).
    static func mode(ofEntryType type: UInt8) -> mode_t? {
        switch Int(type) {
        case Int(DT_REG): S_IFREG
        case Int(DT_DIR): S_IFDIR
        default: nil
        }
    }

    /// A folder entry's name (its raw bytes, as names need not be UTF-8) and readdir's type.
    struct EntryName: Comparable {
        var bytes: [UInt8]
        var type: UInt8
        /// The name, its bytes kept exactly (`PathBytes`) when they are not UTF-8.
        var text: String { PathBytes.decode(bytes) }
        static func < (a: EntryName, b: EntryName) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
        static func == (a: EntryName, b: EntryName) -> Bool { a.bytes == b.bytes }
    }

    private func listFolder(_ dir: OpaquePointer) -> [EntryName] {
        var names: [EntryName] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { start in
                    Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(EntryName(bytes: bytes, type: entry.pointee.d_type))
        }
        return names.sorted()
    }

    private func realPath(_ path: String) -> String? {
        ConfinedRoot.realPath(path)
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// A file's identity on disk, to notice a folder reached twice.
struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
