/// Offline checks of formats that carry a checksum.
public enum Checksums {
    static let base62Alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// CRC-32 (IEEE 802.3, the zlib one).
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// `value` in base 62, left-padded with `0` to `width`.
    public static func base62(_ value: UInt32, width: Int) -> String {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(base62Alphabet[Int(v % 62)])
            v /= 62
        } while v > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// GitHub's and npm's tokens: `prefix_` + 30 random characters + 6 characters of base 62
    /// CRC-32 of the 30. Valid or invalid when the shape fits, unknown otherwise.
    public static func prefixedCRC32Base62(_ token: String) -> SecretValidation {
        guard let underscore = token.lastIndex(of: "_") else { return .unknown }
        let body = Array(token[token.index(after: underscore)...].utf8)
        guard body.count == 36 else { return .unknown }
        let random = body.prefix(30)
        let check = String(decoding: body.suffix(6), as: UTF8.self)
        return base62(crc32(random), width: 6) == check ? .valid : .invalid
    }

    /// Grafana service account tokens: `glsa_` + 32 characters + `_` + 8 hex of CRC-32 of the rest.
    public static func grafanaServiceAccount(_ token: String) -> SecretValidation {
        guard let last = token.lastIndex(of: "_") else { return .unknown }
        let payload = token[..<last]
        let check = token[token.index(after: last)...]
        guard check.count == 8 else { return .unknown }
        var hex = String(crc32(payload.utf8), radix: 16)
        while hex.count < 8 { hex = "0" + hex }
        return hex == check.lowercased() ? .valid : .invalid
    }

    static let bech32Charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// A bech32 string (age identities, `AGE-SECRET-KEY-1…`): the checksum of BIP-173.
    public static func bech32(_ text: String) -> SecretValidation {
        let lower = Array(text.lowercased().utf8)
        guard let separator = lower.lastIndex(of: UInt8(ascii: "1")), separator >= 1, lower.count - separator >= 7 else { return .unknown }
        let hrp = lower[..<separator]
        var data: [UInt32] = []
        for byte in lower[(separator + 1)...] {
            guard let index = bech32Charset.firstIndex(of: byte) else { return .invalid }
            data.append(UInt32(index))
        }
        var values: [UInt32] = hrp.map { UInt32($0) >> 5 } + [0] + hrp.map { UInt32($0) & 31 }
        values += data
        let generators: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ value
            for i in 0..<5 where (top >> UInt32(i)) & 1 == 1 { checksum ^= generators[i] }
        }
        return checksum == 1 ? .valid : .invalid
    }
}
