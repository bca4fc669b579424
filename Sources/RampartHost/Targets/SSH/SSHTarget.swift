import Foundation
import NIOSSH
import RampartCore

/// A live host over SSH: files are read, folders listed and metadata taken with small POSIX
/// shell commands (`head`, `find`, `stat`) on one connection, each path single-quoted so no name
/// can inject shell syntax. Answers are cached for the scan: a profile asks about the same files
/// many times.
public final class SSHTarget: HostTarget {
    public let name: String
    public let address: SSHAddress
    public var isLive: Bool { true }
    let session: SSHSession
    private let infos = Locked<[String: HostFileInfo?]>([:])
    private let reads = Locked<[String: Result<[UInt8], HostError>]>([:])
    private let timeout: Duration
    /// `/bin/sh`, or `sudo -n /bin/sh` to read what only root may.
    private let shellCommand: String
    /// The open shell; the lock also keeps requests one at a time.
    private let shell = Locked<RemoteShell?>(nil)

    public init(address: SSHAddress, identity: String, hostKeys: HostKeyPolicy, sudo: Bool = false, timeout: Duration = .seconds(30)) throws(HostError) {
        let key: NIOSSHPrivateKey
        do {
            key = try SSHKeyFile.load(path: identity)
        } catch {
            throw .connection("identity \(error.description)")
        }
        self.session = try SSHSession.connect(address, key: key, hostKeys: hostKeys, timeout: .seconds(15))
        self.name = address.description
        self.address = address
        self.timeout = timeout
        self.shellCommand = sudo ? "sudo -n /bin/sh" : "/bin/sh"
        // Starting the shell proves the key exchange, the login and sudo.
        do throws(HostError) {
            _ = try shell("true")
        } catch {
            session.close()
            throw error
        }
    }

    deinit {
        shell.withLock { $0?.close() }
        session.close()
    }

    /// The identity files OpenSSH tries, in its order, that exist.
    public static func defaultIdentities() -> [String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return ["id_ed25519", "id_ecdsa"].map { home + "/.ssh/" + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    public func info(_ path: String, followLinks: Bool) -> HostFileInfo? {
        let key = (followLinks ? "L" : "P") + path
        if let cached = infos.withLock({ $0[key] }) { return cached }
        let quoted = Shell.quote(path)
        var script = "stat \(followLinks ? "-L " : "")-c '%f %u %g %s %d' -- \(quoted) 2>/dev/null || exit 1"
        if !followLinks { script += "; [ -L \(quoted) ] && readlink -- \(quoted); exit 0" }
        var result: HostFileInfo?
        if let output = try? shell(script), output.status == 0 {
            let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            result = lines.first.flatMap { Self.parseStat(String($0)) }
            if result?.kind == .symlink, lines.count > 1 { result?.linkTarget = String(lines[1]) }
        }
        infos.withLock { $0[key] = result }
        return result
    }

    public func read(_ path: String, limit: Int) throws(HostError) -> [UInt8] {
        let key = "\(limit) \(path)"
        if let cached = reads.withLock({ $0[key] }) { return try cached.get() }
        let quoted = Shell.quote(path)
        let result: Result<[UInt8], HostError>
        do throws(HostError) {
            // Regular files only: a FIFO or a device would block or never end.
            let output = try shell("[ -e \(quoted) ] || exit 2; [ -f \(quoted) ] || exit 3; exec head -c \(max(0, limit)) -- \(quoted)", outputLimit: max(0, limit))
            switch output.status {
            case 0: result = .success(output.stdout)
            case 2: result = .failure(.notFound(path))
            case 3: result = .failure(.notAFile(path))
            default: result = .failure(.unreadable(path, Self.message(output.stderr, status: output.status)))
            }
        } catch {
            result = .failure(error)
        }
        reads.withLock { $0[key] = result }
        return try result.get()
    }

    public func list(_ path: String) throws(HostError) -> [String] {
        let quoted = Shell.quote(path)
        let output = try shell("[ -e \(quoted) ] || exit 2; [ -d \(quoted) ] || exit 3; exec find -H \(quoted) -mindepth 1 -maxdepth 1 -printf '%f\\0'")
        switch output.status {
        case 0: break
        case 2: throw .notFound(path)
        case 3: throw .notADirectory(path)
        default: throw .unreadable(path, Self.message(output.stderr, status: output.status))
        }
        return output.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    public func run(_ arguments: [String], timeout: Duration) throws(HostError) -> CommandResult {
        guard !arguments.isEmpty else { throw .commandFailed("no command") }
        let output = try shell(arguments.map(Shell.quote).joined(separator: " "), timeout: timeout)
        return CommandResult(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self), stderr: String(decoding: output.stderr, as: UTF8.self))
    }

    /// Runs a POSIX shell script in the C locale, whatever the user's login shell is.
    func shell(_ script: String, timeout: Duration? = nil, outputLimit: Int = 16 << 20) throws(HostError) -> RemoteOutput {
        let result = shell.withLock { open -> Result<RemoteOutput, HostError> in
            do throws(HostError) {
                let current: RemoteShell
                if let open, open.isOpen {
                    current = open
                } else {
                    current = try RemoteShell.start(on: session, command: shellCommand, timeout: .seconds(15))
                    open = current
                }
                return .success(try current.run(script, timeout: timeout ?? self.timeout, outputLimit: outputLimit))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func message(_ stderr: [UInt8], status: Int32) -> String {
        let text = String(decoding: stderr.prefix(400), as: UTF8.self).trimmingWhitespace()
        return text.isEmpty ? "failed with status \(status)" : text
    }

    /// `stat -c '%f %u %g %s %d'`: the raw mode in hex, owner, group, size, device.
    static func parseStat(_ line: String) -> HostFileInfo? {
        let fields = line.split(separator: " ")
        guard fields.count == 5, let raw = UInt32(fields[0], radix: 16), let uid = UInt32(fields[1]), let gid = UInt32(fields[2]),
              let size = Int64(fields[3]), let device = UInt64(fields[4]) else { return nil }
        return HostFileInfo(kind: HostFileInfo.Kind(mode: raw), mode: raw & 0o7777, uid: uid, gid: gid, size: size, device: device)
    }
}

extension SSHTarget {
    /// The file search as one remote `find` with the same predicates as the local walk: one pass
    /// over the host's tree instead of a round trip per entry.
    func remoteFileSearch(_ options: FileSearch.Options) -> FileSearch {
        var search = FileSearch()
        let root = HostPath.normalize(options.root)
        let excluded = options.excluded.sorted().map { "-path \(Shell.quote($0))" }.joined(separator: " -o ")
        var command = "find -H \(Shell.quote(root)) -maxdepth \(options.maxDepth)"
        if options.sameDevice ?? true { command += " -xdev" }
        if !excluded.isEmpty { command += " \\( \(excluded) \\) -prune -o" }
        command += " \\( \\( -type f -perm /6002 \\) -o \\( -type d -perm -0002 ! -perm -1000 \\) -o \\( ! -type d \\( -iname .rhosts -o -iname .netrc \\) \\) \\)"
        command += " -printf '%m %U %G %s %D %y %d %p\\0'"
        let output: RemoteOutput
        do {
            output = try shell(command, timeout: options.timeLimit ?? .seconds(600), outputLimit: 256 << 20)
        } catch {
            search.stop(.time, "the remote search did not finish: \(error)")
            return search
        }
        if output.truncated { search.stop(.entries, "more matches than the search keeps") }
        search.unreadableDirectories = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").count { $0.contains("Permission denied") }
        for record in output.stdout.split(separator: 0) {
            let fields = record.split(separator: UInt8(ascii: " "), maxSplits: 7, omittingEmptySubsequences: false)
            guard fields.count == 8 else { continue }
            let text = fields.prefix(7).map { String(decoding: $0, as: UTF8.self) }
            guard let mode = UInt32(text[0], radix: 8), let uid = UInt32(text[1]), let gid = UInt32(text[2]), let size = Int64(text[3]),
                  let device = UInt64(text[4]), let depth = Int(text[6]) else { continue }
            let kind: HostFileInfo.Kind = switch text[5] {
            case "d": .directory
            case "f": .file
            case "l": .symlink
            case "b": .blockDevice
            case "p": .fifo
            case "s": .socket
            default: .characterDevice
            }
            let path = String(decoding: fields[7], as: UTF8.self)
            let info = HostFileInfo(kind: kind, mode: mode, uid: uid, gid: gid, size: size, device: device)
            search.entriesVisited += 1
            FileSearch.Walk(options: options, checkDevice: false, rootDevice: 0).classify(path, name: HostPath.baseName(path), info: info, depth: depth, into: &search)
        }
        // find's -maxdepth does not say whether it cut anything: a deliberate depth counts as hit.
        if options.maxDepth < FileSearch.Options().maxDepth { search.limitsHit.insert(.depth) }
        search.sortResults()
        return search
    }
}
