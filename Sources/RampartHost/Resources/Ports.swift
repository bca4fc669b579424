import Foundation

/// Sockets waiting for connections, from the kernel's tables (`/proc/net/tcp`, `tcp6`, `udp`,
/// `udp6`): TCP sockets in state `0A` (LISTEN) and UDP sockets bound but unconnected (state `07`
/// with no remote port: UDP has no LISTEN state, `ss -ul` shows these). Live targets only.
public struct ListeningPorts: Sendable, Equatable {
    public enum Proto: String, Sendable, CaseIterable {
        case tcp, tcp6, udp, udp6

        public var isTCP: Bool { self == .tcp || self == .tcp6 }
        var path: String { "/proc/net/\(rawValue)" }
    }

    public struct Socket: Sendable, Equatable {
        public var proto: Proto
        /// `0.0.0.0`, `127.0.0.1`, `::`, `::1`, `fe80::1`.
        public var address: String
        public var port: Int
        public var uid: Int
        public var inode: Int

        /// Bound to every address (`0.0.0.0` or `::`).
        public var isWildcard: Bool { address == "0.0.0.0" || address == "::" }
        public var isLoopback: Bool { address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.") }
    }

    public var sockets: [Socket]

    public init(sockets: [Socket]) {
        self.sockets = sockets
    }

    /// Nil on targets that are not live.
    public static func load(from target: any HostTarget) -> ListeningPorts? {
        guard target.isLive else { return nil }
        var sockets: [Socket] = []
        for proto in Proto.allCases {
            guard let text = target.text(proto.path, limit: 64 << 20) else { continue }
            sockets += parse(text, proto: proto)
        }
        return ListeningPorts(sockets: sockets)
    }

    /// One table. Addresses are the kernel's 32-bit words printed in host byte order, so each
    /// word's bytes are reversed on little-endian hosts (all common ones); ports are printed in
    /// host order already.
    public static func parse(_ text: String, proto: Proto, littleEndian: Bool = true) -> [Socket] {
        var sockets: [Socket] = []
        ConfigText.forEachLine(text) { _, line in
            let fields = ConfigText.fields(line)
            guard fields.count >= 10, fields[0].hasSuffix(":"), let state = UInt8(fields[3], radix: 16) else { return }
            let local = fields[1].split(separator: ":"), remote = fields[2].split(separator: ":")
            guard local.count == 2, remote.count == 2, let port = Int(local[1], radix: 16),
                  let address = decodeAddress(local[0], littleEndian: littleEndian) else { return }
            let listening = proto.isTCP ? state == 0x0A : state == 0x07 && Int(remote[1], radix: 16) == 0
            guard listening else { return }
            sockets.append(Socket(proto: proto, address: address, port: port, uid: Int(fields[7]) ?? -1, inode: Int(fields[9]) ?? 0))
        }
        return sockets
    }

    /// 8 hex digits (IPv4) or 32 (IPv6) → text.
    static func decodeAddress(_ hex: Substring, littleEndian: Bool) -> String? {
        guard hex.count == 8 || hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 8)
            guard let word = UInt32(hex[index..<next], radix: 16) else { return nil }
            let ordered = littleEndian ? word.byteSwapped : word
            bytes += [UInt8(ordered >> 24), UInt8((ordered >> 16) & 0xFF), UInt8((ordered >> 8) & 0xFF), UInt8(ordered & 0xFF)]
            index = next
        }
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return formatIPv6(bytes)
    }

    /// RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::`,
    /// IPv4-mapped addresses as `::ffff:a.b.c.d`.
    static func formatIPv6(_ bytes: [UInt8]) -> String {
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return "::ffff:" + bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var bestStart = -1, bestLength = 0, start = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if start < 0 { start = index }
                let length = index - start + 1
                if length > bestLength { bestStart = start; bestLength = length }
            } else {
                start = -1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestLength >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":"), tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }

    // MARK: Queries

    public func sockets(port: Int, proto: Proto? = nil) -> [Socket] {
        sockets.filter { $0.port == port && (proto == nil || $0.proto == proto) }
    }

    public func isListening(port: Int, proto: Proto? = nil) -> Bool { !sockets(port: port, proto: proto).isEmpty }

    /// Distinct TCP ports in ascending order.
    public var tcpPorts: [Int] { Array(Set(sockets.filter(\.proto.isTCP).map(\.port))).sorted() }
}
