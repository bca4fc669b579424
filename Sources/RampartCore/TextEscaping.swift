/// Text from a scanned repository (file names, messages, imported reports' fields) made safe to
/// print: a file named `x.env\n\nGate passed\e[8m` must not forge a line of Rampart's output or
/// hide the rest, and an OSC sequence must not retitle the terminal.
public enum TextEscaping {
    /// Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional
    /// overrides of "Trojan Source" written as visible escapes: `\n`, `\t`, `\e`, `\x7F`,
    /// `\u{202E}`. Text without them is returned as it is; in text with them, a backslash is
    /// doubled so that the escapes cannot be confused with the original.
    public static func escape(_ text: String) -> String {
        guard hasControlCharacters(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            if PathBytes.isEscapedByte(scalar) {
                out += "\\x" + String(scalar.value - PathBytes.base, radix: 16, uppercase: true)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1B}": out += "\\e"
            case "\\": out += "\\\\"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// Like `escape`, but line breaks and tabs are kept: for multi-line text a person reads
    /// (a task's body, a snippet) where only the terminal's control sequences are dangerous.
    public static func escapeKeepingLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" && $0 != "\\" }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    /// Whether the text holds anything `escape` would rewrite, other than a backslash.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { needsEscape($0) && $0 != "\\" }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if PathBytes.isEscapedByte(scalar) { return true }
        return switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true                      // line and paragraph separators
        case 0x200E, 0x200F, 0x061C: true              // directional marks
        case 0x202A...0x202E, 0x2066...0x2069: true    // embeddings, overrides, isolates
        case 0x5C: true                                // `\`: only rewritten when the text has escapes
        default: false
        }
    }
}

extension Redaction {
    /// At most `limit` characters of a line from a scanned file, for a diagnostic: long tokens
    /// that may be credentials redacted, `key=value` values redacted, control characters escaped.
    /// A diagnostic names what went wrong; it never carries a file's content.
    public static func excerpt(_ line: some StringProtocol, limit: Int = 40) -> String {
        var words: [String] = []
        var secretNext = false
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var text = String(word)
            if secretNext {
                text = redact(text)
                secretNext = false
            } else if let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }), separator != text.startIndex {
                let value = text[text.index(after: separator)...]
                if value.isEmpty {
                    secretNext = true
                } else if value.count >= 6 {
                    text = String(text[...separator]) + redact(String(value))
                }
            } else if text.count >= 16 && text.contains(where: { $0.isNumber }) && text.contains(where: { $0.isLetter }) {
                text = redact(text)
            }
            words.append(text)
        }
        let joined = words.joined(separator: " ")
        let short = joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
        return TextEscaping.escape(short)
    }
}
