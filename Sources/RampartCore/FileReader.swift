import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read.
public enum FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(errno: Int32)
    case notRegularFile
    case tooLarge(size: Int, limit: Int)
    case readFailed(errno: Int32)

    public var description: String {
        switch self {
        case .cannotOpen(let code): "cannot open: \(String(cString: strerror(code)))"
        case .notRegularFile: "not a regular file"
        case .tooLarge(let size, let limit): "file is \(size) bytes, over the \(limit)-byte limit (max_file_size)"
        case .readFailed(let code): "read failed: \(String(cString: strerror(code)))"
        }
    }

    public func diagnostic(scanner: String?, path: String) -> Diagnostic {
        switch self {
        case .tooLarge: Diagnostic(.warning, code: "file-too-large", message: "skipped: \(description)", scanner: scanner, path: path)
        default: Diagnostic(.warning, code: "unreadable", message: "skipped: \(description)", scanner: scanner, path: path)
        }
    }
}

/// Reads files without trusting them: never blocks on a FIFO, never reads past a size limit.
public enum FileReader {
    /// Reads the whole file at `path`, failing if it is not a regular file or is larger than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        try read(path, limit: limit, prefixOnly: false)
    }

    /// `read` as `Data`, nil when the file cannot be read, is not a regular file or is larger
    /// than `limit`: the size is checked before anything is read, and a FIFO never blocks.
    public static func data(_ path: String, limit: Int) -> Data? {
        (try? read(path, limit: limit)).map { Data($0) }
    }

    /// Reads at most `count` bytes from the start of the file (for sniffing binary content).
    public static func readPrefix(_ path: String, count: Int) throws(FileReadError) -> [UInt8] {
        try read(path, limit: count, prefixOnly: true)
    }

    /// Reads at most `count` bytes from the start of `name` in the open folder `folder`, and the
    /// file's size; `openat` spares the kernel walking the whole path again during a tree walk.
    public static func sniff(in folder: Int32, name: String, count: Int) throws(FileReadError) -> (prefix: [UInt8], size: Int) {
        let fd = PathBytes.withCString(name) { openat(folder, $0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { throw .cannotOpen(errno: errno) }
        defer { close(fd) }
        let (bytes, size) = try read(fd: fd, limit: count, prefixOnly: true)
        return (bytes, size)
    }

    private static func read(_ path: String, limit: Int, prefixOnly: Bool) throws(FileReadError) -> [UInt8] {
        let fd = PathBytes.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { throw .cannotOpen(errno: errno) }
        defer { close(fd) }
        return try read(fd: fd, limit: limit, prefixOnly: prefixOnly).bytes
    }

    private static func read(fd: Int32, limit: Int, prefixOnly: Bool) throws(FileReadError) -> (bytes: [UInt8], size: Int) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile }
        let size = Int(info.st_size)
        if !prefixOnly && size > limit { throw .tooLarge(size: size, limit: limit) }
        let capacity = prefixOnly ? min(size, limit) : size
        var buffer = [UInt8](repeating: 0, count: capacity)
        var filled = 0
        while filled < capacity {
            let n = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + filled, capacity - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < capacity { buffer.removeSubrange(filled...) }
        return (buffer, size)
    }
}
