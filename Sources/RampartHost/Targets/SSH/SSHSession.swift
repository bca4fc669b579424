import Crypto
import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import RampartCore

/// Where to connect: `ssh://user@host:port` (IPv6 hosts in brackets); the user defaults to the
/// local one and the port to 22.
public struct SSHAddress: Sendable, Equatable {
    public var user: String
    public var host: String
    public var port: Int

    public init(user: String, host: String, port: Int = 22) {
        self.user = user
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(HostError) {
        guard text.hasPrefix("ssh://") else { throw .unsupported("the target '\(text)' (expected ssh://user@host:port)") }
        var rest = Substring(text.dropFirst(6))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        var host = String(rest), port = 22
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()) else { throw .unsupported("the port in '\(text)'") }
                port = number
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let number = Int(rest[rest.index(after: colon)...]) else { throw .unsupported("the port in '\(text)'") }
            port = number
        }
        guard !host.isEmpty, !user.isEmpty, (1...65535).contains(port) else { throw .unsupported("the target '\(text)' (expected ssh://user@host:port)") }
        guard !host.contains("/"), !user.contains(where: { $0 == "/" || $0 == ":" || $0.isWhitespace }) else { throw .unsupported("the target '\(text)'") }
        self.init(user: user, host: host, port: port)
    }

    public var description: String { "ssh://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// How the server's key is checked: against `known_hosts`, optionally recording a key never seen
/// (OpenSSH's `StrictHostKeyChecking=accept-new`). A changed or revoked key is always refused.
public struct HostKeyPolicy: Sendable {
    public var knownHostsFiles: [String]
    /// Where a newly accepted key is appended (the user's file).
    public var recordFile: String
    public var acceptNew: Bool

    public init(knownHostsFiles: [String]? = nil, recordFile: String? = nil, acceptNew: Bool = false) {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let user = recordFile ?? home + "/.ssh/known_hosts"
        self.recordFile = user
        self.knownHostsFiles = knownHostsFiles ?? [user, "/etc/ssh/ssh_known_hosts"]
        self.acceptNew = acceptNew
    }
}

/// The output of one command run over SSH.
struct RemoteOutput: Sendable {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
    /// More output came than the limit allowed.
    var truncated: Bool
}

/// One SSH connection (SwiftNIO SSH, key authentication): one TCP connection and one key
/// exchange for a whole scan; `RemoteShell` opens the session channel the checks run on.
final class SSHSession: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// The first error the connection met (authentication refused, connection lost).
    private let failure: Locked<String?>
    private let closed = Locked(false)
    let address: SSHAddress

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, failure: Locked<String?>, address: SSHAddress) {
        self.group = group
        self.channel = channel
        self.failure = failure
        self.address = address
    }

    static func connect(_ address: SSHAddress, key: NIOSSHPrivateKey, hostKeys: HostKeyPolicy, timeout: Duration = .seconds(15)) throws(HostError) -> SSHSession {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let failure = Locked<String?>(nil)
        let knownHosts = KnownHosts.load(paths: hostKeys.knownHostsFiles)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(timeout.inSeconds * 1000)))
            .channelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_NODELAY), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let validator = HostKeyValidator(address: address, knownHosts: knownHosts, policy: hostKeys, failure: failure)
                    let user = KeyAuthentication(user: address.user, key: key, failure: failure) { channel.close(promise: nil) }
                    let ssh = NIOSSHHandler(role: .client(.init(userAuthDelegate: user, serverAuthDelegate: validator)),
                                            allocator: channel.allocator, inboundChildChannelInitializer: nil)
                    try channel.pipeline.syncOperations.addHandlers(ssh, ConnectionErrors(failure: failure))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.connect(host: address.host, port: address.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw .connection("\(address.description): cannot connect: \(error)")
        }
        return SSHSession(group: group, channel: channel, failure: failure, address: address)
    }

    /// Opens a session channel whose pipeline is `makeHandler()`'s handler (made on the loop).
    func openChannel(_ makeHandler: @escaping @Sendable () -> any ChannelHandler) throws(HostError) -> EventLoopFuture<any Channel> {
        if let reason = failure.withLock({ $0 }) { throw .connection("\(address.description): \(reason)") }
        let loop = channel.eventLoop
        let opened = loop.makePromise(of: (any Channel).self)
        let parent = channel
        loop.execute {
            do {
                let ssh = try parent.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                ssh.createChannel(opened, channelType: .session) { child, type in
                    guard type == .session else { return loop.makeFailedFuture(HostError.connection("unexpected channel type")) }
                    return child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(makeHandler()) }
                }
            } catch {
                opened.fail(error)
            }
        }
        return opened.futureResult
    }

    /// Waits for `future`, at most `timeout`; `onTimeout` cleans up what would otherwise hang.
    func wait<Value: Sendable>(for future: EventLoopFuture<Value>, timeout: Duration, onTimeout: @escaping @Sendable () -> Void) throws(HostError) -> Value {
        let expired = Locked(false)
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout.inSeconds * 1000))) {
            expired.withLock { $0 = true }
            onTimeout()
        }
        defer { timer.cancel() }
        do {
            return try future.wait()
        } catch {
            if expired.withLock({ $0 }) { throw .commandFailed("timed out after \(Int(timeout.inSeconds)) s") }
            if let error = error as? HostError { throw error }
            throw .connection("\(address.description): \(failure.withLock { $0 } ?? "\(error)")")
        }
    }

    /// Closes the connection and stops its thread; once (later calls do nothing).
    func close() {
        guard closed.withLock({ done in
            defer { done = true }
            return !done
        }) else { return }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// Checks the server's key against `known_hosts`.
private final class HostKeyValidator: NIOSSHClientServerAuthenticationDelegate {
    let address: SSHAddress
    let knownHosts: KnownHosts
    let policy: HostKeyPolicy
    let failure: Locked<String?>

    init(address: SSHAddress, knownHosts: KnownHosts, policy: HostKeyPolicy, failure: Locked<String?>) {
        self.address = address
        self.knownHosts = knownHosts
        self.policy = policy
        self.failure = failure
    }

    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        let fingerprint = Self.fingerprint(hostKey)
        let name = KnownHosts.hostName(address.host, port: address.port)
        func refuse(_ reason: String) {
            failure.withLock { if $0 == nil { $0 = reason } }
            validationCompletePromise.fail(HostError.connection(reason))
        }
        switch knownHosts.verify(host: address.host, port: address.port, key: hostKey) {
        case .trusted:
            validationCompletePromise.succeed(())
        case .revoked:
            refuse("the host key of \(name) (\(fingerprint)) is marked @revoked in known_hosts")
        case .changed(let type):
            refuse("the \(type) host key of \(name) CHANGED (now \(fingerprint)): someone may be intercepting the connection; if the change is expected, remove the old line from known_hosts")
        case .unknown(let others):
            let known = others.isEmpty ? "" : " (known_hosts has only \(others.joined(separator: ", ")) keys for it)"
            guard policy.acceptNew else {
                refuse("the host key of \(name) is not in known_hosts\(known): \(fingerprint); check it and pass --accept-new-host-key to record it")
                return
            }
            do {
                try Self.record(KnownHosts.line(host: address.host, port: address.port, key: hostKey), in: policy.recordFile)
                validationCompletePromise.succeed(())
            } catch {
                refuse("cannot record the host key in \(policy.recordFile): \(error)")
            }
        }
    }

    /// `SHA256:` and the unpadded base64 of the key blob's digest, as `ssh-keygen -l` prints it.
    static func fingerprint(_ key: NIOSSHPublicKey) -> String {
        let fields = String(openSSHPublicKey: key).split(separator: " ")
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else { return "unknown" }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
        return "SHA256:\(digest)"
    }

    static func record(_ line: String, in file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: file) {
            _ = FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }
}

/// Offers the one private key, once.
private final class KeyAuthentication: NIOSSHClientUserAuthenticationDelegate {
    let user: String
    let key: NIOSSHPrivateKey
    let failure: Locked<String?>
    /// SwiftNIO SSH keeps the connection open when the client gives up; this hangs up.
    let hangUp: @Sendable () -> Void
    var offered = false

    init(user: String, key: NIOSSHPrivateKey, failure: Locked<String?>, hangUp: @escaping @Sendable () -> Void) {
        self.user = user
        self.key = key
        self.failure = failure
        self.hangUp = hangUp
    }

    func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods, nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
        guard availableMethods.contains(.publicKey), !offered else {
            let reason = offered ? "the server refused the key for user \(user)" : "the server does not accept public key authentication"
            failure.withLock { if $0 == nil { $0 = reason } }
            nextChallengePromise.succeed(nil)
            hangUp()
            return
        }
        offered = true
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: user, serviceName: "", offer: .privateKey(.init(privateKey: key))))
    }
}

/// Records the connection's first error and closes it.
private final class ConnectionErrors: ChannelInboundHandler {
    typealias InboundIn = Any
    let failure: Locked<String?>

    init(failure: Locked<String?>) { self.failure = failure }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failure.withLock { if $0 == nil { $0 = "\(error)" } }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failure.withLock { if $0 == nil { $0 = "the server closed the connection" } }
        context.fireChannelInactive()
    }
}
