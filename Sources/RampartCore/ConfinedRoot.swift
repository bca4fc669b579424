#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a path a scanned file names was refused, or a confined write failed.
public struct ConfinementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as it was written (never the content of anything).
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(TextEscaping.escape(path)): \(reason)" }
}

/// The folder that paths named by untrusted files must stay inside: the scanned repository.
///
/// A repository's files name other files (`-r` includes, Gitleaks `[extend] path`,
/// `bandit_config`, baselines). Each is resolved here: relative to the naming file's folder,
/// `..` collapsed, symlinks followed only while they stay inside, and refused when the result is
/// outside, so `-r /home/ci/.aws/credentials` can never be read.
public struct ConfinedRoot: Sendable, Equatable {
    /// The root as given.
    public let path: String
    /// The root with its symlinks resolved (the person running Rampart chose it, links included).
    public let realPath: String

    /// A root that does not exist (yet) is taken as written, made absolute.
    public init(_ path: String) {
        self.path = path
        if let real = Self.realPath(path) {
            realPath = real
        } else {
            realPath = Self.normalize(Self.absolute(path))
        }
    }

    /// The root for a scan of `path`: the path itself for a folder, its folder for a file.
    public static func scanRoot(_ path: String) -> ConfinedRoot {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            return ConfinedRoot(folder.isEmpty ? "/" : folder)
        }
        return ConfinedRoot(path)
    }

    /// Whether an absolute, symlink-free path is the root or inside it.
    public func contains(realPath candidate: String) -> Bool {
        realPath == "/" || candidate == realPath || candidate.hasPrefix(realPath + "/")
    }

    /// Resolves `name`, written in a file of `folder` (absolute, or relative to the root), to an
    /// absolute path inside the root. Symlinks are followed only while they stay inside; a path
    /// that does not exist is checked through its deepest existing folder.
    public func resolve(_ name: String, relativeTo folder: String = "") throws(ConfinementError) -> String {
        guard !name.isEmpty, !name.utf8.contains(0) else { throw ConfinementError(path: name, reason: "not a file name") }
        let base = folder.hasPrefix("/") ? folder : Self.join(realPath, folder)
        let candidate = Self.normalize(name.hasPrefix("/") ? name : Self.join(base, name))
        guard let real = Self.realPathOfExistingPrefix(candidate) else {
            throw ConfinementError(path: name, reason: "cannot resolve the path")
        }
        guard contains(realPath: real) else {
            throw ConfinementError(path: name, reason: "refused: it resolves outside the scanned folder")
        }
        return real
    }

    /// `path` made absolute against the working folder (a path given on the command line).
    public static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let cwd = getcwd(&buffer, buffer.count) != nil ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
        return normalize(cwd + "/" + path)
    }

    /// The root-relative form of a path `resolve` returned (for diagnostics and reports).
    public func relative(_ resolved: String) -> String {
        if resolved == realPath { return "." }
        let prefix = realPath == "/" ? "/" : realPath + "/"
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : resolved
    }

    /// Reads a file a repository file names: resolved inside the root, then read without trust
    /// (no FIFO blocks, size capped).
    public func read(_ name: String, relativeTo folder: String = "", limit: Int) throws(ConfinementError) -> [UInt8] {
        let resolved = try resolve(name, relativeTo: folder)
        do {
            return try FileReader.read(resolved, limit: limit)
        } catch {
            throw ConfinementError(path: name, reason: error.description)
        }
    }

    /// `a/./b/../c` → `/…/a/c`; `..` never climbs above `/`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = PathBytes.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return PathBytes.decode(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// `realpath` of the longest existing prefix of an absolute, normalised path, with the
    /// missing rest appended: a file to be created is judged by the folder it would land in.
    static func realPathOfExistingPrefix(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        var info = stat()
        // A dangling symlink is not a missing file: where it points is unknown, so refuse.
        if lstat(path, &info) == 0 { return nil }
        var missing: [Substring] = []
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            missing.insert(current[current.index(after: slash)...], at: 0)
            current = current[..<slash]
            let folder = current.isEmpty ? "/" : String(current)
            if lstat(folder, &info) == 0 {
                guard let real = realPath(folder) else { return nil }
                return normalize(real + "/" + missing.joined(separator: "/"))
            }
            if current.isEmpty { break }
        }
        return nil
    }
}
