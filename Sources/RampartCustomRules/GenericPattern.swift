import RampartCore
import RampartRegex

/// Semgrep's `generic` patterns (inside `metavariable-pattern`), as a regular expression over
/// the bound text: words and punctuation literally with any spacing between them, `...` any
/// text, `$X` one word (bound as `$X`).
enum GenericPattern {
    static func regex(_ text: String, loader: RuleLoader, node: ConfigNode) throws(RuleError) -> ByteRegex {
        var out = ""
        var seen: Set<String> = []
        var i = text.startIndex
        var first = true
        func gap() {
            if !first { out += "\\s*" }
            first = false
        }
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                i = text.index(after: i)
                continue
            }
            if text[i...].hasPrefix("...") {
                gap()
                out += "[\\s\\S]*?"
                i = text.index(i, offsetBy: 3)
                continue
            }
            if c == "$", let end = text[text.index(after: i)...].firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") }) ?? Optional(text.endIndex),
               PatternText.isMetavariable(text[i..<end]) {
                gap()
                let name = String(text[text.index(after: i)..<end])
                if seen.contains(name) {
                    out += "\\k<\(groupName(name))>"
                } else {
                    seen.insert(name)
                    out += "(?<\(groupName(name))>\\w+)"
                }
                i = end
                continue
            }
            if c.isLetter || c.isNumber || c == "_" {
                let end = text[i...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? text.endIndex
                gap()
                out += "\\b" + escape(String(text[i..<end])) + "\\b"
                i = end
                continue
            }
            gap()
            out += escape(String(c))
            i = text.index(after: i)
        }
        return try loader.regex(out, node)
    }

    /// PCRE group names are letters, digits and `_`, not starting with a digit.
    static func groupName(_ metavariable: String) -> String { "mv_" + metavariable }

    static func metavariable(ofGroup name: String) -> String? {
        name.hasPrefix("mv_") ? "$" + name.dropFirst(3) : nil
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\^$.|?*+()[]{}/-#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
