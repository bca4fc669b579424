import Crypto
import Foundation
import RampartCore
import NIOSSH

/// Reads a private key file as `ssh-keygen` writes it: the OpenSSH format
/// (`-----BEGIN OPENSSH PRIVATE KEY-----`) with an Ed25519 or ECDSA key, or an ECDSA key in PEM.
/// Keys protected by a passphrase and RSA keys (which SwiftNIO SSH cannot sign with) are refused
/// with a message saying what to do instead.
public enum SSHKeyFile {
    public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public static func load(path: String) throws(KeyError) -> NIOSSHPrivateKey {
        guard let data = FileReader.data(path, limit: 1 << 20) else { throw KeyError("\(path): cannot read the key file") }
        guard data.count < 1 << 20 else { throw KeyError("\(path): too large to be a private key") }
        do throws(KeyError) {
            return try parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw KeyError("\(path): \(error.description)")
        }
    }

    public static func parse(_ text: String) throws(KeyError) -> NIOSSHPrivateKey {
        if text.contains("-----BEGIN OPENSSH PRIVATE KEY-----") {
            guard let body = pemBody(text, label: "OPENSSH PRIVATE KEY"), let bytes = Data(base64Encoded: body) else {
                throw KeyError("the OpenSSH key is not valid base64")
            }
            return try openSSH([UInt8](bytes))
        }
        if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
            throw KeyError("RSA keys are not supported; use an Ed25519 or ECDSA key (ssh-keygen -t ed25519)")
        }
        if text.contains("ENCRYPTED") { throw KeyError("the key is protected by a passphrase; use a key without one for automation") }
        if text.contains("-----BEGIN EC PRIVATE KEY-----") || text.contains("-----BEGIN PRIVATE KEY-----") {
            if let key = try? P256.Signing.PrivateKey(pemRepresentation: text) { return NIOSSHPrivateKey(p256Key: key) }
            if let key = try? P384.Signing.PrivateKey(pemRepresentation: text) { return NIOSSHPrivateKey(p384Key: key) }
            if let key = try? P521.Signing.PrivateKey(pemRepresentation: text) { return NIOSSHPrivateKey(p521Key: key) }
            throw KeyError("the PEM key is neither ECDSA P-256, P-384 nor P-521")
        }
        throw KeyError("not a private key file (expected the OpenSSH format of ssh-keygen)")
    }

    static func pemBody(_ text: String, label: String) -> String? {
        guard let start = text.range(of: "-----BEGIN \(label)-----"), let end = text.range(of: "-----END \(label)-----"), start.upperBound <= end.lowerBound else { return nil }
        return text[start.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
    }

    /// The `openssh-key-v1` container: cipher and KDF names, the public keys, then the private
    /// section (two equal check words, then each key's type and fields).
    static func openSSH(_ bytes: [UInt8]) throws(KeyError) -> NIOSSHPrivateKey {
        var reader = WireReader(bytes)
        let magic = Array("openssh-key-v1".utf8) + [0]
        guard reader.take(magic.count) == magic else { throw KeyError("not an openssh-key-v1 key") }
        guard let cipher = reader.string(), let kdf = reader.string(), reader.bytes() != nil, let count = reader.uint32() else { throw KeyError("the key file is truncated") }
        guard cipher == "none", kdf == "none" else { throw KeyError("the key is protected by a passphrase (\(cipher)); use a key without one for automation, or ssh-keygen -p to remove it") }
        guard count == 1 else { throw KeyError("the file holds \(count) keys; expected one") }
        guard reader.bytes() != nil, let privateSection = reader.bytes() else { throw KeyError("the key file is truncated") }
        var section = WireReader(privateSection)
        guard let check1 = section.uint32(), let check2 = section.uint32(), check1 == check2 else { throw KeyError("the private section's check words differ (wrong passphrase or damaged file)") }
        guard let type = section.string() else { throw KeyError("the key file is truncated") }
        switch type {
        case "ssh-ed25519":
            guard section.bytes() != nil, let secret = section.bytes(), secret.count == 64 else { throw KeyError("the Ed25519 key is damaged") }
            do {
                return NIOSSHPrivateKey(ed25519Key: try Curve25519.Signing.PrivateKey(rawRepresentation: secret.prefix(32)))
            } catch {
                throw KeyError("the Ed25519 key is damaged")
            }
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
            guard section.string() != nil, section.bytes() != nil, let scalar = section.bytes() else { throw KeyError("the ECDSA key is damaged") }
            let size = type.hasSuffix("256") ? 32 : type.hasSuffix("384") ? 48 : 66
            // An mpint: big-endian, with a leading zero byte when the top bit is set.
            let trimmed = Array(scalar.drop { $0 == 0 })
            guard trimmed.count <= size else { throw KeyError("the ECDSA key is damaged") }
            let raw = [UInt8](repeating: 0, count: size - trimmed.count) + trimmed
            do {
                switch size {
                case 32: return NIOSSHPrivateKey(p256Key: try P256.Signing.PrivateKey(rawRepresentation: raw))
                case 48: return NIOSSHPrivateKey(p384Key: try P384.Signing.PrivateKey(rawRepresentation: raw))
                default: return NIOSSHPrivateKey(p521Key: try P521.Signing.PrivateKey(rawRepresentation: raw))
                }
            } catch {
                throw KeyError("the ECDSA key is damaged")
            }
        case "ssh-rsa":
            throw KeyError("RSA keys are not supported; use an Ed25519 or ECDSA key (ssh-keygen -t ed25519)")
        default:
            throw KeyError("unsupported key type \(type)")
        }
    }
}

/// SSH wire encoding: big-endian 32-bit lengths before strings. Every read is bounds-checked.
struct WireReader {
    private let buffer: [UInt8]
    private var offset = 0

    init(_ buffer: [UInt8]) { self.buffer = buffer }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= buffer.count - offset else { return nil }
        defer { offset += count }
        return Array(buffer[offset..<offset + count])
    }

    mutating func uint32() -> UInt32? {
        guard let word = take(4) else { return nil }
        return word.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func bytes() -> [UInt8]? {
        guard let length = uint32() else { return nil }
        return take(Int(length))
    }

    mutating func string() -> String? { bytes().map { String(decoding: $0, as: UTF8.self) } }
}
