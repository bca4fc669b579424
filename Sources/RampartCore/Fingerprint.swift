import Crypto

/// Stable identities for findings, so baselines survive edits.
///
/// A fingerprint is SHA-256 over the rule id, the place (file path, URL without query values, or
/// host and control) and the normalised code context: the finding's source lines with all white
/// space removed. Line numbers are never part of it, so moving code or editing other lines keeps
/// it; an identical context repeated in one file gets an occurrence number in source order.
public enum Fingerprint {
    public static let version = "1"

    /// The normalised context of a source snippet: at most 5 lines, white space removed.
    public static func normalizedContext(_ snippet: String) -> String {
        SourceText.splitLines(snippet).prefix(5)
            .map { line in
                var kept = String.UnicodeScalarView()
                var count = 0
                for scalar in line.unicodeScalars where count < 400 {
                    // ASCII first: Unicode's White_Space there is tab to carriage return, and space.
                    let space = scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
                    if !space {
                        kept.append(scalar)
                        count += 1
                    }
                }
                return String(kept)
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The text a fingerprint is made from, before hashing and the occurrence number.
    public static func identity(ruleId: RuleID, location: Location) -> String {
        switch location {
        case .source(let source):
            return "source\u{0}\(ruleId)\u{0}\(source.path)\u{0}\(normalizedContext(source.snippet ?? ""))"
        case .web(let web):
            if let site = web.site { return "web-site\u{0}\(ruleId)\u{0}\(site)" }
            return "web\u{0}\(ruleId)\u{0}\(web.method.uppercased())\u{0}\(stripQueryValues(web.url))\u{0}\(web.parameter ?? "")"
        case .host(let host):
            return "host\u{0}\(ruleId)\u{0}\(host.host)\u{0}\(host.control)\u{0}\(host.resource ?? "")"
        }
    }

    /// A finding's identity: a secret is identified by its rule, path and digest (so moving it
    /// keeps the fingerprint, and another secret on the same line gets another); the rest by
    /// rule, place and code context.
    public static func identity(of finding: Finding) -> String {
        if let secret = finding.secret, let path = finding.location.path {
            return "secret\u{0}\(finding.ruleId)\u{0}\(path)\u{0}\(secret.digest)"
        }
        return identity(ruleId: finding.ruleId, location: finding.location)
    }

    /// The fingerprint of an identity and its occurrence (0 for the first).
    public static func make(identity: String, occurrence: Int) -> String {
        let text = "rampart-fp-v\(version)\u{0}\(identity)\u{0}\(occurrence)"
        return sha256Hex(text, bytes: 16)
    }

    /// Lower-case hex of the first `bytes` bytes of the SHA-256 of `text`'s UTF-8.
    public static func sha256Hex(_ text: String, bytes: Int = 32) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes * 2)
        for byte in SHA256.hash(data: Array(text.utf8)).prefix(bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// `https://h/p?a=1&b=2` → `https://h/p?a&b`: parameter names identify a page, values do not.
    static func stripQueryValues(_ url: String) -> String {
        var base = url
        if let hash = base.firstIndex(of: "#") { base = String(base[..<hash]) }
        guard let question = base.firstIndex(of: "?") else { return base }
        let names = base[base.index(after: question)...].split(separator: "&").map { pair in
            pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
        }.sorted()
        return String(base[..<question]) + "?" + names.joined(separator: "&")
    }

    /// Assigns fingerprints to findings, numbering repeats of the same identity in report order.
    public static func assign(_ findings: inout [Finding]) {
        // Occurrences count in report order among findings of one identity; most identities
        // have one finding, so only the groups with several are sorted.
        var groups: [String: [Int]] = [:]
        for index in findings.indices { groups[identity(of: findings[index]), default: []].append(index) }
        for (identity, members) in groups {
            let ordered = members.count == 1 ? members : members.sorted { Finding.reportOrder(findings[$0], findings[$1]) }
            for (occurrence, index) in ordered.enumerated() {
                findings[index].fingerprint = make(identity: identity, occurrence: occurrence)
            }
        }
    }
}

extension Fingerprint {
    /// A name-based UUID (version 5 layout, SHA-256 digest) for a text: stable ids for report formats that want UUIDs.
    public static func uuid(for text: String) -> String {
        var bytes = Array(SHA256.hash(data: Array(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }
}
