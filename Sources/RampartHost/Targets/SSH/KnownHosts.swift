import Crypto
import Foundation
import RampartCore
import NIOSSH

/// OpenSSH's `known_hosts`: which host keys a client trusts. Lines are `patterns keytype key`,
/// optionally after a `@revoked` or `@cert-authority` marker; patterns are comma lists with `*`,
/// `?` and `!` negation, or `|1|salt|hash` (HMAC-SHA1 of the name) when `HashKnownHosts` is on.
/// A host on a port other than 22 is written `[host]:port`.
public struct KnownHosts: Sendable {
    public enum Verdict: Sendable, Equatable {
        case trusted
        /// No line names the host; `otherTypes` are key types recorded for it (a server that
        /// now presents another type of key).
        case unknown(otherTypes: [String])
        /// The host is recorded with a different key of the same type: possibly an attack.
        case changed(recorded: String)
        case revoked
    }

    struct Entry: Sendable {
        var patterns: [String]
        var revoked: Bool
        var key: NIOSSHPublicKey?
        var keyType: String
    }

    var entries: [Entry] = []

    public init(text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            var fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var revoked = false
            if first.hasPrefix("@") {
                // Certificate authorities sign host certificates, which this client does not use.
                guard first == "@revoked" else { continue }
                revoked = true
                fields.removeFirst()
            }
            guard fields.count >= 3 else { continue }
            entries.append(Entry(patterns: fields[0].split(separator: ",").map(String.init), revoked: revoked,
                                 key: try? NIOSSHPublicKey(openSSHPublicKey: fields[1] + " " + fields[2]), keyType: fields[1]))
        }
    }

    /// The files OpenSSH reads, the user's own first; unreadable ones are empty.
    public static func load(paths: [String]) -> KnownHosts {
        var text = ""
        for path in paths {
            if let data = FileReader.data(path, limit: 64 << 20) { text += String(decoding: data, as: UTF8.self) + "\n" }
        }
        return KnownHosts(text: text)
    }

    /// The name of a host as it is written in the file.
    public static func hostName(_ host: String, port: Int) -> String { port == 22 ? host : "[\(host)]:\(port)" }

    public func verify(host: String, port: Int, key: NIOSSHPublicKey) -> Verdict {
        let name = Self.hostName(host, port: port)
        let matching = entries.filter { Self.matches(name, patterns: $0.patterns) }
        if matching.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        let presentedType = String(openSSHPublicKey: key).split(separator: " ").first.map(String.init) ?? ""
        let recorded = matching.filter { !$0.revoked }
        if recorded.contains(where: { $0.key == key }) { return .trusted }
        if let sameType = recorded.first(where: { $0.keyType == presentedType }) { return .changed(recorded: sameType.keyType) }
        return .unknown(otherTypes: Array(Set(recorded.map(\.keyType))).sorted())
    }

    /// The line to append when the user accepts a new key.
    public static func line(host: String, port: Int, key: NIOSSHPublicKey) -> String {
        "\(hostName(host, port: port)) \(String(openSSHPublicKey: key))\n"
    }

    static func matches(_ name: String, patterns: [String]) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("|1|") {
                if hashedMatches(name, pattern) { matched = true }
            } else if pattern.hasPrefix("!") {
                if wildcard(name.lowercased(), Array(pattern.dropFirst().lowercased())) { return false }
            } else if wildcard(name.lowercased(), Array(pattern.lowercased())) {
                matched = true
            }
        }
        return matched
    }

    static func hashedMatches(_ name: String, _ pattern: String) -> Bool {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])), let hash = Data(base64Encoded: String(parts[2])) else { return false }
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(code) == hash
    }

    /// `*` any run, `?` one character; iterative with one backtrack point, so no pattern can
    /// make it slow.
    static func wildcard(_ text: String, _ pattern: [Character]) -> Bool {
        let text = Array(text)
        var t = 0, p = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                t += 1
                p += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
