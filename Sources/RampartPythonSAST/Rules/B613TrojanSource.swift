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
        // All of these are three UTF-8 bytes starting 0xE2 0x80 or 0xE2 0x81: skip files without them.
        guard context.source.contains(0xE2) else { return nil }
        let text = String(decoding: context.source, as: UTF8.self)
        for (index, line) in SourceText.splitLines(text).enumerated() {
            for character in characters where line.unicodeScalars.contains(character) {
                return RuleHit(.high, .medium, "A Python source file contains bidirectional control characters (U+\(String(character.value, radix: 16, uppercase: true))).", line: index + 1)
            }
        }
        return nil
    }
}
