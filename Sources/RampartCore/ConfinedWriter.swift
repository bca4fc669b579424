#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Every write Rampart makes inside a repository (tasks, `init`, the findings history, a
/// pipeline's reports) goes through here. The repository may have planted symlinks
/// (`.rampart/tasks -> ~`, `.github -> /etc`) to turn a write into an overwrite elsewhere, so
/// the path is walked from the root one component at a time with `openat` and `O_NOFOLLOW`:
/// no symlink is followed at any component, folders are created with `mkdirat`, and a file is
/// written to a new temporary (`O_EXCL`) and renamed into place. A symlink anywhere is refused.
public struct ConfinedWriter: Sendable {
    /// The folder writes stay inside (the scanned repository); the person running Rampart chose
    /// it, so it may itself be reached through a symlink.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// Writes `bytes` to `relative` (a path inside the root), creating its folders.
    public func write(_ relative: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws(ConfinementError) {
        let (folder, name) = try openParent(of: relative, create: true)
        defer { close(folder) }
        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK: throw ConfinementError(path: relative, reason: "refused: it is a symlink")
            default: throw ConfinementError(path: relative, reason: "refused: it is not a regular file")
            }
        }
        let temporary = ".\(name).rampart-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw ConfinementError(path: relative, reason: "cannot create: \(Self.errorText(errno))") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlinkat(folder, temporary, 0)
                throw ConfinementError(path: relative, reason: "cannot write: \(Self.errorText(code))")
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlinkat(folder, temporary, 0)
            throw ConfinementError(path: relative, reason: "cannot write: \(Self.errorText(code))")
        }
        // rename replaces a name, never follows it: a link swapped in after the check above is replaced, not written through.
        guard renameat(folder, temporary, folder, name) == 0 else {
            let code = errno
            unlinkat(folder, temporary, 0)
            throw ConfinementError(path: relative, reason: "cannot write: \(Self.errorText(code))")
        }
    }

    /// Creates the folder `relative` and its parents inside the root, refusing symlinks.
    public func makeFolder(_ relative: String) throws(ConfinementError) {
        let components = try Self.components(relative)
        let descriptor = try walk(components, create: true, display: relative)
        close(descriptor)
    }

    /// The absolute path of `relative` once its folders exist as real folders inside the root
    /// and the file, if present, is a regular file and not a symlink: for writers that need a
    /// path (SQLite). The path holds no symlink below the root when this returns.
    public func preparedPath(_ relative: String) throws(ConfinementError) -> String {
        let (folder, name) = try openParent(of: relative, create: true)
        defer { close(folder) }
        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw ConfinementError(path: relative, reason: (info.st_mode & S_IFMT) == S_IFLNK ? "refused: it is a symlink" : "refused: it is not a regular file")
        }
        return (root.hasSuffix("/") ? root : root + "/") + (try Self.components(relative)).joined(separator: "/")
    }

    /// The absolute path of the folder `relative`, created if missing, once every component is
    /// a real folder inside the root.
    public func preparedFolder(_ relative: String) throws(ConfinementError) -> String {
        let components = try Self.components(try relativePath(relative))
        close(try walk(components, create: true, display: relative))
        return (root.hasSuffix("/") ? root : root + "/") + components.joined(separator: "/")
    }

    /// Whether `relative` exists (a symlink counts as existing; nothing is followed).
    public func exists(_ relative: String) -> Bool {
        guard let components = try? Self.components(relative), let last = components.last,
              let folder = try? walk(Array(components.dropLast()), create: false, display: relative) else { return false }
        defer { close(folder) }
        var info = stat()
        return fstatat(folder, last, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// Turns a path relative to the root (or absolute and inside it) into components; `..`,
    /// NUL bytes and paths outside the root are refused.
    public func relativePath(_ path: String) throws(ConfinementError) -> String {
        guard path.hasPrefix("/") else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        if let real = ConfinedRoot.realPath(root), path.hasPrefix(real + "/") { return String(path.dropFirst(real.count + 1)) }
        throw ConfinementError(path: path, reason: "refused: it is outside \(TextEscaping.escape(root))")
    }

    static func components(_ relative: String) throws(ConfinementError) -> [String] {
        guard !relative.utf8.contains(0) else { throw ConfinementError(path: relative, reason: "not a file name") }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
        guard !parts.isEmpty, !relative.hasPrefix("/") else { throw ConfinementError(path: relative, reason: "refused: not a path inside the repository") }
        guard !parts.contains("..") else { throw ConfinementError(path: relative, reason: "refused: '..' leaves the repository") }
        return parts
    }

    private func openParent(of relative: String, create: Bool) throws(ConfinementError) -> (Int32, String) {
        let components = try Self.components(try relativePath(relative))
        let folder = try walk(Array(components.dropLast()), create: create, display: relative)
        return (folder, components[components.count - 1])
    }

    /// Opens the folder the components name, one `openat(O_NOFOLLOW)` at a time from the root.
    private func walk(_ components: [String], create: Bool, display: String) throws(ConfinementError) -> Int32 {
        var current = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { throw ConfinementError(path: display, reason: "cannot open \(TextEscaping.escape(root)): \(Self.errorText(errno))") }
        for component in components {
            var next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(current, component, 0o755) != 0 && errno != EEXIST {
                    let code = errno
                    close(current)
                    throw ConfinementError(path: display, reason: "cannot create folder \(TextEscaping.escape(component)): \(Self.errorText(code))")
                }
                next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = errno
            close(current)
            guard next >= 0 else {
                let reason = code == ELOOP || code == ENOTDIR
                    ? "refused: \(TextEscaping.escape(component)) is a symlink or not a folder"
                    : "cannot open folder \(TextEscaping.escape(component)): \(Self.errorText(code))"
                throw ConfinementError(path: display, reason: reason)
            }
            current = next
        }
        return current
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
