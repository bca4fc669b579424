import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A target the native hardening engine can change: files only (no commands) on a root file
/// system; files and commands on the local machine.
public protocol HostWriter: HostTarget {
    func write(_ path: String, _ bytes: [UInt8], mode: UInt32, uid: UInt32?, gid: UInt32?) throws(HostError)
    func setOwnerAndMode(_ path: String, uid: UInt32?, gid: UInt32?, mode: UInt32?) throws(HostError)
    func remove(_ path: String) throws(HostError)
}

extension DirectoryTarget: HostWriter {
    /// Writes through a temporary file in the same folder and a rename, inside the root.
    public func write(_ path: String, _ bytes: [UInt8], mode: UInt32, uid: UInt32?, gid: UInt32?) throws(HostError) {
        // The path resolved inside the root (through any link), then its missing folders made.
        let hostPath = try resolve(path)
        let folder = (hostPath as NSString).deletingLastPathComponent
        try makeHostFolders(folder, for: path)
        let temporary = folder + "/.rampart-\(UUID().uuidString.prefix(8))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw .unreadable(path, "cannot write: \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                close(descriptor)
                unlink(temporary)
                throw .unreadable(path, "cannot write: \(String(cString: strerror(errno)))")
            }
            written += count
        }
        fchmod(descriptor, mode_t(mode))
        if uid != nil || gid != nil { fchown(descriptor, uid ?? UInt32.max, gid ?? UInt32.max) }
        close(descriptor)
        guard rename(temporary, hostPath) == 0 else {
            unlink(temporary)
            throw .unreadable(path, "cannot replace: \(String(cString: strerror(errno)))")
        }
    }

    /// Creates the missing folders of a resolved host path below the root (root-owned, 0755).
    /// Missing components cannot be links, so nothing here leaves the root.
    func makeHostFolders(_ hostFolder: String, for path: String) throws(HostError) {
        let prefix = root == "/" ? "" : root
        guard hostFolder == root || hostFolder.hasPrefix(prefix + "/") else { throw .unreadable(path, "outside the root") }
        var current = prefix
        for component in hostFolder.dropFirst(prefix.count).split(separator: "/") {
            current += "/" + component
            var status = stat()
            if lstat(current, &status) == 0 { continue }
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw .unreadable(path, "cannot create folder: \(String(cString: strerror(errno)))")
            }
        }
    }

    public func setOwnerAndMode(_ path: String, uid: UInt32?, gid: UInt32?, mode: UInt32?) throws(HostError) {
        // Resolved all the way inside the root: chmod follows links, so none may be left.
        let hostPath = try resolve(path)
        if uid != nil || gid != nil, lchown(hostPath, uid ?? UInt32.max, gid ?? UInt32.max) != 0 {
            throw .unreadable(path, "cannot change owner: \(String(cString: strerror(errno)))")
        }
        if let mode, chmod(hostPath, mode_t(mode)) != 0 {
            throw .unreadable(path, "cannot change mode: \(String(cString: strerror(errno)))")
        }
    }

    public func remove(_ path: String) throws(HostError) {
        let hostPath = try resolve(path, followFinal: false)
        if unlink(hostPath) != 0 && errno != ENOENT { throw .unreadable(path, "cannot remove: \(String(cString: strerror(errno)))") }
    }
}
