import Foundation
import RampartCore
#if canImport(Glibc)
import Glibc
#endif

/// A root file system in a folder (an image's, a chroot's): every path is resolved inside the
/// root, symlinks included, the way the kernel would resolve it after `chroot`. Absolute link
/// targets start again at the root and `..` stops there, so nothing outside the root is ever
/// read. With `root` = `/` and `live`, it is the local machine's file system.
public struct DirectoryTarget: HostTarget {
    public let root: String
    public let isLive: Bool
    public let name: String

    /// Symlinks followed while resolving one path, as Linux's `MAXSYMLINKS`.
    static let maxLinks = 40

    public init(root: String, live: Bool = false, name: String? = nil) {
        var cleaned = root
        while cleaned.count > 1 && cleaned.hasSuffix("/") { cleaned.removeLast() }
        self.root = cleaned
        self.isLive = live
        self.name = name ?? "dir:\(cleaned)"
    }

    /// The host path of `path` inside the root, every symlink resolved inside it (the last
    /// component's only with `followFinal`).
    public func resolve(_ path: String, followFinal: Bool = true) throws(HostError) -> String {
        var pending = Array(path.split(separator: "/").map(String.init).reversed())
        var resolved: [String] = []
        var links = 0
        while let component = pending.popLast() {
            if component.isEmpty || component == "." { continue }
            if component == ".." {
                _ = resolved.popLast()
                continue
            }
            let candidate = resolved + [component]
            let hostPath = hostPath(of: candidate)
            var status = stat()
            guard lstat(hostPath, &status) == 0 else {
                // Missing: nothing below it exists either, but `..` may still come; go on lexically.
                resolved = candidate
                continue
            }
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            let isLast = pending.allSatisfy { $0.isEmpty || $0 == "." }
            guard isLink, !isLast || followFinal else {
                resolved = candidate
                continue
            }
            links += 1
            guard links <= Self.maxLinks else { throw .linkLoop(path) }
            guard let target = readLink(hostPath) else { throw .unreadable(path, "cannot read symbolic link") }
            if target.hasPrefix("/") { resolved = [] }
            pending += target.split(separator: "/").map(String.init).reversed()
        }
        return hostPath(of: resolved)
    }

    func hostPath(of components: [String]) -> String {
        let inner = components.joined(separator: "/")
        if root == "/" { return "/" + inner }
        return inner.isEmpty ? root : root + "/" + inner
    }

    func readLink(_ hostPath: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(hostPath, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func info(_ path: String, followLinks: Bool) -> HostFileInfo? {
        guard let hostPath = try? resolve(path, followFinal: followLinks) else { return nil }
        var status = stat()
        guard lstat(hostPath, &status) == 0 else { return nil }
        var info = HostFileInfo(status)
        if info.kind == .symlink { info.linkTarget = readLink(hostPath) }
        return info
    }

    public func read(_ path: String, limit: Int) throws(HostError) -> [UInt8] {
        let hostPath = try resolve(path)
        // O_NOFOLLOW: the resolved path has no symlink left; one swapped in now is refused.
        let descriptor = open(hostPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path) }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        // Regular files only (`/proc` and `/sys` entries are): a device or a FIFO could block or never end.
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw .notAFile(path)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, want) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    public func list(_ path: String) throws(HostError) -> [String] {
        let hostPath = try resolve(path)
        guard let directory = opendir(hostPath) else {
            if errno == ENOENT { throw .notFound(path) }
            if errno == ENOTDIR { throw .notADirectory(path) }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func run(_ arguments: [String], timeout: Duration) throws(HostError) -> CommandResult {
        guard isLive, root == "/" else { throw .unsupported("running \(arguments.first ?? "a command")") }
        return try LocalCommand.run(arguments, timeout: timeout)
    }
}

extension HostFileInfo {
    /// From `lstat`'s answer.
    init(_ status: stat) {
        self.init(kind: Kind(mode: UInt32(status.st_mode)), mode: UInt32(status.st_mode) & 0o7777, uid: status.st_uid, gid: status.st_gid, size: Int64(status.st_size), device: UInt64(status.st_dev))
    }
}

/// The local machine: its root file system, live, with commands.
public enum LocalTarget {
    public static func make() -> DirectoryTarget { DirectoryTarget(root: "/", live: true, name: "local") }
}

/// Runs a program on this machine for a check (see `ChildProcess`).
enum LocalCommand {
    static func run(_ arguments: [String], timeout: Duration, outputLimit: Int = 8 << 20) throws(HostError) -> CommandResult {
        do {
            let output = try ChildProcess.run(arguments, timeout: timeout, outputLimit: outputLimit)
            return CommandResult(status: output.status, stdout: output.stdout, stderr: output.stderr)
        } catch {
            throw .commandFailed(error.description)
        }
    }
}
