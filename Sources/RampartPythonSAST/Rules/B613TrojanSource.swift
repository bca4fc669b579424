import RampartCore

/// B613 (trojansource): bidirectional control characters that make code read differently than it runs.
enum B613TrojanSource: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.file]
    static let metadata = RuleMetadata.bandit(
        "B613", "trojansource", title: "Bidirectional control characters in source", severity: .high, confidence: .medium, cwe: 838, owasp: .a08,
        documentation: """
        ## What it does
        Flags the first line of a file that contains a Unicode bidirectional control character (U+202A–U+202E, U+2066–U+2069, U+200F).

        ## Why is this bad?
        These characters reorder how text is displayed: a reviewer sees one program while the interpreter runs another ("Trojan Source", CVE-2021-42574).

        ## What to do instead
        Remove them; escape them (`"\\u202e"`) where a string really needs one.

        ## References
        - [CWE-838](https://cwe.mitre.org/data/definitions/838.html)
        - [Trojan Source](https://trojansource.codes)
        """,
        examples: [.triggers("access = 'user\u{202E} \u{2066}# admin\u{2069} \u{2066}'\n"), .passes("access = 'user'\n")]
    )

    static let characters: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200F}"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        // All of these are three UTF-8 bytes, E2 80 xx or E2 81 xx: look for those bytes, by line.
        let bytes = context.source
        guard bytes.contains(0xE2) else { return nil }
        var line = 1
        var found: [Unicode.Scalar] = []
        var lineOfFirst = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                if !found.isEmpty { break }
                line += 1
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                let value = 0x2000 + (UInt32(bytes[i + 1] & 0x3F) << 6) + UInt32(bytes[i + 2] & 0x3F)
                if let scalar = Unicode.Scalar(value), characters.contains(scalar) {
                    found.append(scalar)
                    lineOfFirst = line
                }
            }
            i += 1
        }
        // Bandit reports the first of its list that the line contains.
        guard let character = characters.first(where: { found.contains($0) }) else { return nil }
        return RuleHit(.high, .medium, "A Python source file contains bidirectional control characters (U+\(String(character.value, radix: 16, uppercase: true))).", line: lineOfFirst)
    }
}
