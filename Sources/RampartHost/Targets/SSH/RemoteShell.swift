import Foundation
import NIOCore
import NIOSSH
import RampartCore

/// One `/bin/sh` kept open on the host for a whole scan. A new SSH session costs the server a
/// login (about 80 ms with OpenSSH, even multiplexed); a script sent to a running shell costs a
/// round trip. Each script runs in a subshell with its input from `/dev/null` and its output in
/// files, then the shell writes a header line and both outputs, so the stream can always be
/// split exactly whatever bytes the script printed.
final class RemoteShell: Sendable {
    private let session: SSHSession
    private let channel: any Channel
    private let counter = Locked(0)
    /// A script overran: the stream may still carry its answer, so the shell is not reused.
    private let abandoned = Locked(false)

    static let prologue = """
        LC_ALL=C; export LC_ALL
        rampart_t=$(mktemp -d 2>/dev/null) || { echo 'rampart: mktemp failed' >&2; exit 97; }
        trap 'rm -rf "$rampart_t"' EXIT
        trap 'exit 1' HUP INT TERM
        command -v timeout >/dev/null 2>&1 && rampart_timeout=1

        """

    private init(session: SSHSession, channel: any Channel) {
        self.session = session
        self.channel = channel
    }

    /// Starts the shell (`command` is `/bin/sh` or `sudo -n /bin/sh`).
    static func start(on session: SSHSession, command: String, timeout: Duration) throws(HostError) -> RemoteShell {
        let opened = try session.openChannel { ShellHandler(command: command) }
        let channel = try session.wait(for: opened, timeout: timeout) { opened.whenSuccess { $0.close(promise: nil) } }
        let shell = RemoteShell(session: session, channel: channel)
        try shell.send(Array(prologue.utf8))
        let probe = try shell.run("echo ready", timeout: timeout, outputLimit: 64)
        guard probe.status == 0, probe.stdout == Array("ready\n".utf8) else {
            shell.close()
            let reason = String(decoding: probe.stderr.prefix(300), as: UTF8.self).trimmingWhitespace()
            throw .connection("\(session.address.description): the remote shell did not start (\(command)): \(reason.isEmpty ? "status \(probe.status)" : reason)")
        }
        return shell
    }

    /// Runs one script; callers send one at a time.
    func run(_ script: String, timeout: Duration, outputLimit: Int) throws(HostError) -> RemoteOutput {
        let id = counter.withLock { $0 += 1; return $0 }
        let done = channel.eventLoop.makePromise(of: RemoteOutput.self)
        // coreutils' timeout stops the script on the host too (a find stuck on a dead mount),
        // where it exists; the wait here is the backstop.
        let seconds = max(1, Int(timeout.inSeconds.rounded(.up)))
        let frame = "( exec ${rampart_timeout:+timeout -k 2 \(seconds)} /bin/sh -c \(Shell.quote(script)) ) </dev/null >\"$rampart_t/o\" 2>\"$rampart_t/e\"; rampart_r=$?; "
            + "printf '@@rampart %s %s %s %s\\n' \(id) \"$rampart_r\" \"$(wc -c <\"$rampart_t/o\")\" \"$(wc -c <\"$rampart_t/e\")\"; cat \"$rampart_t/o\" \"$rampart_t/e\"\n"
        let channel = self.channel
        channel.eventLoop.execute {
            do {
                try channel.pipeline.syncOperations.handler(type: ShellHandler.self).expect(id: id, limit: outputLimit, done: done)
            } catch {
                done.fail(error)
            }
        }
        try send(Array(frame.utf8))
        let started = ContinuousClock.now
        // A script that outlives its time leaves the stream unusable: the shell is closed and
        // the next request starts another.
        let answer = try session.wait(for: done.futureResult, timeout: timeout + .seconds(5)) { [abandoned] in
            abandoned.withLock { $0 = true }
            done.fail(HostError.commandFailed("timed out after \(seconds) s"))
            channel.close(promise: nil)
        }
        if answer.status == 124 && ContinuousClock.now - started >= timeout - .milliseconds(200) {
            throw .commandFailed("did not finish within \(seconds) s")
        }
        return answer
    }

    var isOpen: Bool { channel.isActive && !abandoned.withLock { $0 } }

    private func send(_ bytes: [UInt8]) throws(HostError) {
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        do {
            try channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer))).wait()
        } catch {
            throw .connection("\(session.address.description): the remote shell is gone: \(error)")
        }
    }

    /// Does not wait: the connection may already be gone with its event loop.
    func close() {
        channel.close(promise: nil)
    }
}

/// The shell's channel: starts it, then splits its output into answers.
private final class ShellHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    let command: String
    private var pending: (id: Int, limit: Int, done: EventLoopPromise<RemoteOutput>)?
    private var buffer: [UInt8] = []
    private var errors: [UInt8] = []

    init(command: String) { self.command = command }

    func handlerAdded(context: ChannelHandlerContext) {
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func channelActive(context: ChannelHandlerContext) {
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExecRequest(command: command, wantReply: true), promise: nil)
        context.fireChannelActive()
    }

    func expect(id: Int, limit: Int, done: EventLoopPromise<RemoteOutput>) {
        pending?.done.fail(HostError.commandFailed("superseded"))
        pending = (id, limit, done)
        deliver()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .byteBuffer(let bytes) = message.data else { return }
        switch message.type {
        case .channel:
            buffer += bytes.readableBytesView
            deliver()
        case .stdErr:
            // The shell's own complaints (a failed prologue); scripts' errors go to files.
            if errors.count < 4096 { errors += bytes.readableBytesView.prefix(4096 - errors.count) }
        default:
            break
        }
    }

    /// Answers the pending request once its header and both outputs have arrived.
    private func deliver() {
        // Anything before a header (a login script that prints) is skipped.
        let marker = Array("@@rampart ".utf8)
        guard let request = pending else { return }
        if !buffer.starts(with: marker) {
            if let at = buffer.indices.first(where: { buffer[$0...].starts(with: marker) }) {
                buffer.removeSubrange(..<at)
            } else {
                buffer = Array(buffer.suffix(marker.count - 1))
                return
            }
        }
        guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return }
        let header = String(decoding: buffer[..<newline], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard header.count == 5, header[0] == "@@rampart", let id = Int(header[1]), let status = Int32(header[2]),
              let outCount = Int(header[3]), let errCount = Int(header[4]), outCount >= 0, errCount >= 0 else {
            pending = nil
            request.done.fail(HostError.connection("the remote shell answered out of protocol"))
            return
        }
        let start = newline + 1
        guard buffer.count - start >= outCount + errCount else { return }
        let out = buffer[start..<start + outCount], err = buffer[(start + outCount)..<(start + outCount + errCount)]
        let answer = RemoteOutput(status: status, stdout: Array(out.prefix(request.limit)), stderr: Array(err.prefix(64 << 10)),
                                  truncated: out.count > request.limit)
        buffer.removeSubrange(..<(start + outCount + errCount))
        pending = nil
        if id == request.id {
            request.done.succeed(answer)
        } else {
            request.done.fail(HostError.connection("the remote shell answered another request"))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelFailureEvent {
            pending?.done.fail(HostError.commandFailed("the server refused to start a shell"))
            pending = nil
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let said = String(decoding: errors, as: UTF8.self).trimmingWhitespace()
        pending?.done.fail(HostError.connection("the remote shell ended\(said.isEmpty ? "" : ": \(said)")"))
        pending = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        pending?.done.fail(error)
        pending = nil
        context.close(promise: nil)
    }
}
