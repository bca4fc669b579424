import PythonSyntax

/// The names Bandit takes for passwords: a `_`-separated part of the name that is `password`
/// (and `passwd`, `paswd`, …), `pass`, `passphrase`, `pwd`, `token`, `secret` or `secrete`.
enum HardcodedPassword {
    static func isCandidate(_ name: String) -> Bool {
        // Byte-wise on ASCII-folded parts: every candidate word is ASCII, and no non-ASCII letter
        // lowercases to one of theirs. Runs on most string constants, so it allocates nothing.
        var part: [UInt8] = []
        part.reserveCapacity(16)
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") {
                if isWord(part) { return true }
                part.removeAll(keepingCapacity: true)
            } else {
                part.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return isWord(part)
    }

    private static let words: [[UInt8]] = ["pass", "passphrase", "pwd", "token", "secret", "secrete"].map { Array($0.utf8) }

    /// One of the words, or `pas+wo?r?d`.
    static func isWord(_ part: [UInt8]) -> Bool {
        if words.contains(part) { return true }
        guard part.count >= 5, part[0] == UInt8(ascii: "p"), part[1] == UInt8(ascii: "a"), part[2] == UInt8(ascii: "s") else { return false }
        var i = 3
        while i < part.count && part[i] == UInt8(ascii: "s") { i += 1 }
        guard i < part.count, part[i] == UInt8(ascii: "w") else { return false }
        i += 1
        if i < part.count && part[i] == UInt8(ascii: "o") { i += 1 }
        if i < part.count && part[i] == UInt8(ascii: "r") { i += 1 }
        return i == part.count - 1 && part[i] == UInt8(ascii: "d")
    }

    static func hit(_ value: String, line: Int? = nil) -> RuleHit {
        RuleHit(.low, .medium, "Possible hardcoded password: '\(Redaction.redact(value))'", line: line)
    }
}

import RampartCore
