import Foundation
import RampartCore

enum FlaskSessionCookie: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-flask-session", title: "Readable signed session cookie holds sensitive data", severity: .medium, confidence: .high, cwe: 315, owasp: .a04,
        zap: false,
        documentation: """
        A cookie is a Flask (itsdangerous) signed session, `payload.timestamp.signature`, or a \
        Django `signed_cookies` session (`payload:timestamp:signature`), and its payload holds \
        keys or values that suggest secrets or privileges (`role`, `is_admin`, `password`, \
        `token`, `api_key`…; not a bare user id, which Flask-Login keeps there by design). Signing stops tampering but not reading: the payload is \
        base64 JSON (zlib-compressed when it starts with `.`), readable by anyone who sees the \
        cookie, and a leaked or weak `SECRET_KEY` lets an attacker forge `is_admin: true`. The \
        evidence lists key names only, never values.

        **Fix:** keep only an opaque id in the cookie and the data server-side (Flask-Session \
        with Redis or a database, Django's default database sessions); never put secrets or \
        authorization in the session cookie, and keep `SECRET_KEY` long, random and out of the code.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=eyJpc19hZG1pbiI6dHJ1ZSwidXNlcl9pZCI6NDJ9.ZkXyAA.Wm7qv4bE2k8P0sX1yNf3r9TQaLc; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=.eJyrVirKz0lVslJKTMnNzFPSUSotTi3KS8wFC-UlAgWSE4tKlKyiDXWMdIx1THRMdcx0zHUsdCx1DA10aCAYWwsAuyUhog.ZkXyAA.aP2hPM7Wfk5xLi2Y8H3dJ0nVb0c; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=.eJyN0ssKwkAMRuF3ybqlJt4L4oOISLSpLdiZMtMuRHx33bmS_Puz-jgv6vNFm6EPVLf6yFbQnC0FHYxq0qBUUNfnKaYn1SeqxhSb-TblanFM1h66OFg56t3Kq4Zg6Vv_EvYT8ZOln6z8ZO0nGz_Z-snOT_YAHcIL-DIAzIAwA8QMGDOAzIAyA8wMOAvgLMjHgLMAzgI4C-AsgLMAzgI4yx_n8_sDx8qEng.ZkXyAA.aP2hPM7Wfk5xLi2Y8H3dJ0nVb0c; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=eyJfZnJlc2giOmZhbHNlLCJjYXJ0IjpbMSwyXX0.ZkXyAA.Wm7qv4bE2k8P0sX1yNf3r9TQaLc; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=eyJfZnJlc2giOnRydWUsIl91c2VyX2lkIjoiNDIifQ.ZkXyAA.Wm7qv4bE2k8P0sX1yNf3r9TQaLc; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=8f14e45fceea167a5a36dedd4bea2543; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=.eJyrVopPK0otzlCyKikqTdVRSi4uSosvyc9OzVOyUrJMIw4qAfUlFpUoWUUb6hjpGMfWAgDYkBsw.ZkXyAA.aP2hPM7Wfk5xLi2Y8H3dJ0nVb0c; HttpOnly; Path=/\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    /// Key names (lower-cased, matched as whole words of the key) that suggest secrets or privileges.
    static let sensitiveWords: Set<String> = [
        "role", "roles", "admin", "is_admin", "isadmin", "superuser", "is_superuser", "staff", "is_staff", "password", "passwd", "pwd",
        "token", "secret", "api_key", "apikey", "key", "permission", "permissions", "privilege",
        "privileges", "group", "groups", "scope", "scopes", "credit_card", "card", "ssn", "access", "level", "otp", "mfa",
    ]
    static let sensitiveValues: Set<String> = ["admin", "administrator", "superuser", "root"]

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for cookie in r.cookies where !cookie.isDeletion && cookie.value.count >= 20 && cookie.value.count <= 8192 {
            guard let (payload, compressed, format) = signedPayload(cookie.value),
                  let object = try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed]) else { continue }
            var keys: [String] = []
            var flagged: [String] = []
            var privilegedValue = false
            collect(object, depth: 0, keys: &keys, flagged: &flagged, privilegedValue: &privilegedValue)
            guard !flagged.isEmpty || privilegedValue else { continue }
            let shown = keys.prefix(12).joined(separator: ", ") + (keys.count > 12 ? ", …" : "")
            hits.append(WebHit(parameter: cookie.name, evidence: PassiveScan.clip("\(cookie.name): \(format)\(compressed ? " (compressed)" : ""), keys \(shown)", 200)))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }

    /// The decoded payload of an itsdangerous (`.`) or Django (`:`) signed value, or nil.
    static func signedPayload(_ value: String) -> (payload: Data, compressed: Bool, format: String)? {
        let raw = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count > 2 ? String(value.dropFirst().dropLast()) : value
        for separator: Character in [".", ":"] {
            var parts = raw.split(separator: separator, omittingEmptySubsequences: false)
            var compressed = false
            if parts.first == "" { compressed = true; parts.removeFirst() }
            // payload, timestamp (4-byte time, base64: 6 chars, base62 in Django), signature (HMAC, ≥ 27 chars).
            guard parts.count == 3, (4...8).contains(parts[1].count), parts[2].count >= 27,
                  let data = base64URLDecode(parts[0]) else { continue }
            let format = separator == "." ? "Flask/itsdangerous signed session" : "Django signed cookie"
            if compressed {
                guard let inflated = Inflate.zlib(data, limit: 64 << 10) else { continue }
                return (Data(inflated), true, format)
            }
            guard data.first == UInt8(ascii: "{") || data.first == UInt8(ascii: "[") else { continue }
            return (data, false, format)
        }
        return nil
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        guard text.count >= 4, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }

    static func collect(_ object: Any, depth: Int, keys: inout [String], flagged: inout [String], privilegedValue: inout Bool) {
        guard depth < 4 else { return }
        if let dictionary = object as? [String: Any] {
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
                // Flask's tagged JSON wraps values as {" t": …}, {" di": …}: not keys of the session.
                let isTag = key.hasPrefix(" ")
                if !isTag, keys.count < 40 { keys.append(String(key.prefix(30))) }
                let lower = key.lowercased()
                let words = Set(lower.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map(String.init))
                // Flask-WTF's CSRF token is meant to be seen by the page: not a finding.
                if !isTag, !lower.contains("csrf"), sensitiveWords.contains(lower) || !words.isDisjoint(with: ["role", "admin", "password", "passwd", "token", "secret", "apikey", "superuser", "permission", "privilege"]) {
                    flagged.append(key)
                }
                collect(value, depth: depth + 1, keys: &keys, flagged: &flagged, privilegedValue: &privilegedValue)
            }
        } else if let array = object as? [Any] {
            for element in array.prefix(50) { collect(element, depth: depth + 1, keys: &keys, flagged: &flagged, privilegedValue: &privilegedValue) }
        } else if let string = object as? String, sensitiveValues.contains(string.lowercased()) {
            privilegedValue = true
        }
    }
}

/// A small, bounded zlib (RFC 1950) / DEFLATE (RFC 1951) decoder: enough to read compressed
/// Flask session payloads without linking zlib. Stops (nil) on malformed input or past `limit`.
enum Inflate {
    static func zlib(_ data: Data, limit: Int) -> [UInt8]? {
        let bytes = [UInt8](data)
        guard bytes.count > 2, bytes[0] & 0x0F == 8, (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0, bytes[1] & 0x20 == 0 else { return nil }
        return deflate(bytes, from: 2, limit: limit)
    }

    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var bitBuffer: UInt32 = 0
        var bitCount = 0

        mutating func bits(_ n: Int) -> Int? {
            while bitCount < n {
                guard position < bytes.count else { return nil }
                bitBuffer |= UInt32(bytes[position]) << UInt32(bitCount)
                position += 1
                bitCount += 8
            }
            let value = Int(bitBuffer & ((1 << UInt32(n)) - 1))
            bitBuffer >>= UInt32(n)
            bitCount -= n
            return value
        }

        mutating func alignToByte() { bitBuffer = 0; bitCount = 0 }
    }

    /// Canonical Huffman code: counts per length and symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init?(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ reader: inout BitReader) -> Int? {
            var code = 0, first = 0, index = 0
            for length in 1..<16 {
                guard let bit = reader.bits(1) else { return nil }
                code |= bit
                let count = counts[length]
                if code - count < first { return index + (code - first) < symbols.count ? symbols[index + (code - first)] : nil }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            return nil
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let fixedLiterals = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = Huffman(lengths: [Int](repeating: 5, count: 30))

    static func deflate(_ bytes: [UInt8], from start: Int, limit: Int) -> [UInt8]? {
        var reader = BitReader(bytes: bytes, position: start)
        var out: [UInt8] = []
        var last = 0
        repeat {
            guard let final = reader.bits(1), let type = reader.bits(2) else { return nil }
            last = final
            switch type {
            case 0:
                reader.alignToByte()
                let p = reader.position
                guard p + 4 <= bytes.count else { return nil }
                let length = Int(bytes[p]) | Int(bytes[p + 1]) << 8
                guard length == ~(Int(bytes[p + 2]) | Int(bytes[p + 3]) << 8) & 0xFFFF, p + 4 + length <= bytes.count, out.count + length <= limit else { return nil }
                out += bytes[(p + 4)..<(p + 4 + length)]
                reader.position = p + 4 + length
            case 1:
                guard let literals = fixedLiterals, let distances = fixedDistances,
                      inflateBlock(&reader, literals, distances, &out, limit: limit) else { return nil }
            case 2:
                guard let hlit = reader.bits(5), let hdist = reader.bits(5), let hclen = reader.bits(4) else { return nil }
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var codeLengths = [Int](repeating: 0, count: 19)
                for i in 0..<(hclen + 4) {
                    guard let length = reader.bits(3) else { return nil }
                    codeLengths[order[i]] = length
                }
                guard let lengthCode = Huffman(lengths: codeLengths) else { return nil }
                var lengths: [Int] = []
                let total = hlit + 257 + hdist + 1
                while lengths.count < total {
                    guard let symbol = lengthCode.decode(&reader) else { return nil }
                    switch symbol {
                    case 0..<16: lengths.append(symbol)
                    case 16:
                        guard let previous = lengths.last, let repeatCount = reader.bits(2) else { return nil }
                        lengths += [Int](repeating: previous, count: 3 + repeatCount)
                    case 17:
                        guard let repeatCount = reader.bits(3) else { return nil }
                        lengths += [Int](repeating: 0, count: 3 + repeatCount)
                    default:
                        guard let repeatCount = reader.bits(7) else { return nil }
                        lengths += [Int](repeating: 0, count: 11 + repeatCount)
                    }
                }
                guard lengths.count == total, let literals = Huffman(lengths: Array(lengths[0..<(hlit + 257)])),
                      let distances = Huffman(lengths: Array(lengths[(hlit + 257)...])),
                      inflateBlock(&reader, literals, distances, &out, limit: limit) else { return nil }
            default:
                return nil
            }
        } while last == 0
        return out
    }

    static func inflateBlock(_ reader: inout BitReader, _ literals: Huffman, _ distances: Huffman, _ out: inout [UInt8], limit: Int) -> Bool {
        while true {
            guard let symbol = literals.decode(&reader) else { return false }
            if symbol < 256 {
                guard out.count < limit else { return false }
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return true
            } else {
                let index = symbol - 257
                guard index < lengthBase.count, let extra = reader.bits(lengthExtra[index]),
                      let distanceSymbol = distances.decode(&reader), distanceSymbol < distanceBase.count,
                      let distanceExtraBits = reader.bits(distanceExtra[distanceSymbol]) else { return false }
                let length = lengthBase[index] + extra
                let distance = distanceBase[distanceSymbol] + distanceExtraBits
                guard distance <= out.count, out.count + length <= limit else { return false }
                let from = out.count - distance
                for k in 0..<length { out.append(out[from + k]) }
            }
        }
    }
}
