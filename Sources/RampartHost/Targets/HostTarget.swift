import Foundation

/// What a compliance check can learn about a system: files, folders, metadata, and commands when
/// the target allows them. Every resource reads its target through this, so a check runs the
/// same way on the local machine, an image's root filesystem and a host over SSH.
public protocol HostTarget: Sendable {
    /// `local`, `dir:/path`, `ssh://user@host:22`.
    var name: String { get }
    /// A running system: `/proc`, `/sys`, running services, loaded modules and listening ports
    /// mean something. Directory targets are not live: controls that need it are skipped.
    var isLive: Bool { get }
    /// Metadata of `path` (absolute, in the target); symlinks in the path's folders are always
    /// followed, the last component's only with `followLinks`. Nil when it does not exist.
    func info(_ path: String, followLinks: Bool) -> HostFileInfo?
    /// The content of the file at `path`, at most `limit` bytes.
    func read(_ path: String, limit: Int) throws(HostError) -> [UInt8]
    /// The names in the folder at `path` (not `.` and `..`), sorted.
    func list(_ path: String) throws(HostError) -> [String]
    /// Runs a program on the target (live targets only); `HostError.unsupported` elsewhere.
    func run(_ arguments: [String], timeout: Duration) throws(HostError) -> CommandResult
}

extension HostTarget {
    public func info(_ path: String) -> HostFileInfo? { info(path, followLinks: true) }
    public func exists(_ path: String) -> Bool { info(path) != nil }

    /// The whole file, or `tooLarge`: for configuration, where a setting past the limit
    /// (`PermitRootLogin yes` at the end of a 6 MB drop-in) must not be missed in silence.
    public func readAll(_ path: String, limit: Int) throws(HostError) -> [UInt8] {
        let bytes = try read(path, limit: limit + 1)
        guard bytes.count <= limit else { throw .tooLarge(path, limit) }
        return bytes
    }

    /// The file as text (invalid UTF-8 replaced); nil when it cannot be read.
    public func text(_ path: String, limit: Int = 16 << 20) -> String? {
        guard let bytes = try? read(path, limit: limit) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

public struct HostFileInfo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case file, directory, symlink, characterDevice, blockDevice, fifo, socket

        /// From the file-type bits of a `st_mode` (`S_IFMT`), as `stat` and `stat -c %f` give them.
        public init(mode: UInt32) {
            self = switch mode & 0o170000 {
            case 0o040000: .directory
            case 0o120000: .symlink
            case 0o020000: .characterDevice
            case 0o060000: .blockDevice
            case 0o010000: .fifo
            case 0o140000: .socket
            default: .file
            }
        }
    }

    public var kind: Kind
    /// Permission bits with setuid, setgid and sticky (`0o4755`).
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32
    public var size: Int64
    /// Device of the file system (walks stay on one with `-xdev` semantics).
    public var device: UInt64
    /// Where a symlink points (when not followed).
    public var linkTarget: String?

    /// `0640`, as modes are written.
    public var octalMode: String { String(format: "%04o", mode) }

    public init(kind: Kind, mode: UInt32, uid: UInt32, gid: UInt32, size: Int64, device: UInt64 = 0, linkTarget: String? = nil) {
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.device = device
        self.linkTarget = linkTarget
    }
}

public struct CommandResult: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum HostError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case notAFile(String)
    case notADirectory(String)
    case unreadable(String, String)
    /// Larger than the reader's limit: what is past it was not read, so nothing is concluded.
    case tooLarge(String, Int)
    /// A path whose symlinks loop or nest too deep.
    case linkLoop(String)
    /// The target cannot do this (commands on a directory target).
    case unsupported(String)
    case commandFailed(String)
    case connection(String)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file or folder"
        case .notAFile(let path): "\(path): not a regular file"
        case .notADirectory(let path): "\(path): not a folder"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .tooLarge(let path, let limit): "\(path): larger than \(limit) bytes; not read"
        case .linkLoop(let path): "\(path): too many levels of symbolic links"
        case .unsupported(let what): "\(what) is not possible on this target"
        case .commandFailed(let message): message
        case .connection(let message): message
        }
    }
}
