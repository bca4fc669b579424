import Foundation
import NIOCore
import NIOPosix
import RampartCore

/// An HTTP listener on 127.0.0.1 that the SSRF probes point at: it answers every request with
/// a short unique text and records the paths it was asked for. It lives for one scan.
final class CanaryServer: Sendable {
    let port: Int
    private let channel: any Channel
    private let hits: Locked<[String]>

    private init(port: Int, channel: any Channel, hits: Locked<[String]>) {
        self.port = port
        self.channel = channel
        self.hits = hits
    }

    /// Paths requested so far (`/rmp1234ssrf`).
    var requestedPaths: [String] { hits.withLock { $0 } }

    static func start() async -> CanaryServer? {
        let hits = Locked<[String]>([])
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CanaryHandler(hits: hits))
                }
            }
        guard let channel = try? await bootstrap.bind(host: "127.0.0.1", port: 0).get(), let port = channel.localAddress?.port else { return nil }
        return CanaryServer(port: port, channel: channel, hits: hits)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// Reads a request head (bounded), records its path, answers `rampart-canary <path>`.
private final class CanaryHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    // @unchecked: one handler per connection, used on its channel's event loop only.
    private var received: [UInt8] = []
    private let hits: Locked<[String]>

    init(hits: Locked<[String]>) {
        self.hits = hits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if received.count < 8192, let bytes = buffer.readBytes(length: min(buffer.readableBytes, 8192 - received.count)) { received += bytes }
        guard let end = received.firstIndex(of: UInt8(ascii: "\n")) else {
            if received.count >= 8192 { context.close(promise: nil) }
            return
        }
        let line = String(decoding: received[..<end], as: UTF8.self)
        let parts = line.split(separator: " ")
        let path = parts.count >= 2 ? String(parts[1]) : "/"
        hits.withLock { $0.append(path) }
        let token = path.split(separator: "/").last.map(String.init) ?? ""
        let body = ServerSideRequestForgery.answer(for: token)
        let response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: response))).whenComplete { _ in context.close(promise: nil) }
        received = []
    }
}
