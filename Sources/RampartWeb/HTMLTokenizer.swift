import RampartCore

/// A tolerant HTML tokenizer, after the WHATWG tokenizer's states that matter for crawling and
/// passive checks: tags with attributes (quoted, unquoted, duplicated), comments (bogus ones
/// too), doctypes, CDATA sections, raw-text and RCDATA elements (`script`, `style`, `textarea`,
/// `title`), and character references. Malformed markup never throws: it degrades to text or is
/// closed at the end of input, as browsers do.
public struct HTMLTokenizer {
    public enum Token: Equatable, Sendable {
        case startTag(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
        case endTag(name: String)
        case text(String)
        case comment(String)
        case doctype(String)

        public static func == (a: Token, b: Token) -> Bool {
            switch (a, b) {
            case let (.startTag(n1, a1, s1), .startTag(n2, a2, s2)):
                n1 == n2 && s1 == s2 && a1.count == a2.count && zip(a1, a2).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            case let (.endTag(x), .endTag(y)): x == y
            case let (.text(x), .text(y)): x == y
            case let (.comment(x), .comment(y)): x == y
            case let (.doctype(x), .doctype(y)): x == y
            default: false
            }
        }
    }

    /// Elements whose content is text up to their end tag.
    static let rawText: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"]
    static let escapableRawText: Set<String> = ["textarea", "title"]

    /// The tokens of `html`; at most `limit` tokens (hostile documents stay bounded).
    public static func tokenize(_ html: String, limit: Int = 1_000_000) -> [Token] {
        let b = Array(html.utf8)
        var tokens: [Token] = []
        var i = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart {
                tokens.append(.text(decodeEntities(String(decoding: b[textStart..<end], as: UTF8.self))))
            }
        }
        while i < b.count, tokens.count < limit {
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                flushText(i)
                if starts(b, i + 2, "--") {
                    // A comment runs to `-->` (or `--!>`); unterminated, to the end.
                    let bodyStart = i + 4
                    var j = bodyStart
                    var end = b.count
                    var close = b.count
                    while j < b.count {
                        if starts(b, j, "-->") { end = j; close = j + 3; break }
                        if starts(b, j, "--!>") { end = j; close = j + 4; break }
                        j += 1
                    }
                    // `<!-->` and `<!--->` close at once.
                    if starts(b, bodyStart, ">") { end = bodyStart; close = bodyStart + 1 } else if starts(b, bodyStart, "->") { end = bodyStart; close = bodyStart + 2 }
                    tokens.append(.comment(String(decoding: b[min(bodyStart, end)..<end], as: UTF8.self)))
                    i = close
                } else if starts(b, i + 2, "[CDATA[") {
                    let bodyStart = i + 9
                    var j = bodyStart
                    while j < b.count, !starts(b, j, "]]>") { j += 1 }
                    tokens.append(.text(String(decoding: b[bodyStart..<min(j, b.count)], as: UTF8.self)))
                    i = min(b.count, j + 3)
                } else if startsIgnoringCase(b, i + 2, "doctype") {
                    let end = b[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) ?? b.count
                    tokens.append(.doctype(String(decoding: b[(i + 9)..<max(i + 9, end)], as: UTF8.self).trimmingWhitespace()))
                    i = min(b.count, end + 1)
                } else {
                    // A bogus comment: `<!foo>` up to `>`.
                    let end = b[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) ?? b.count
                    tokens.append(.comment(String(decoding: b[(i + 2)..<end], as: UTF8.self)))
                    i = min(b.count, end + 1)
                }
                textStart = i
                continue
            }
            if next == UInt8(ascii: "?") {
                // `<?xml …?>`: a bogus comment.
                flushText(i)
                let end = b[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) ?? b.count
                tokens.append(.comment(String(decoding: b[(i + 1)..<end], as: UTF8.self)))
                i = min(b.count, end + 1)
                textStart = i
                continue
            }
            let isEnd = next == UInt8(ascii: "/")
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < b.count, isASCIILetter(b[nameStart]) else {
                if isEnd, nameStart < b.count, b[nameStart] == UInt8(ascii: ">") {
                    // `</>` is dropped.
                    flushText(i)
                    i = nameStart + 1
                    textStart = i
                    continue
                }
                i += 1  // `<` not starting a tag is text
                continue
            }
            flushText(i)
            var j = nameStart
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">") { j += 1 }
            let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
            var attributes: [(name: String, value: String)] = []
            var seen = Set<String>()
            var selfClosing = false
            // Attributes.
            while j < b.count {
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard j < b.count else { break }
                if b[j] == UInt8(ascii: ">") { j += 1; break }
                if b[j] == UInt8(ascii: "/") {
                    if j + 1 < b.count, b[j + 1] == UInt8(ascii: ">") { selfClosing = true; j += 2; break }
                    j += 1
                    continue
                }
                let attrStart = j
                j += 1  // the first character may be `=` (kept in the name, as browsers do)
                while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "=") { j += 1 }
                let attrName = String(decoding: b[attrStart..<j], as: UTF8.self).lowercased()
                while j < b.count, isSpace(b[j]) { j += 1 }
                var value = ""
                if j < b.count, b[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < b.count, isSpace(b[j]) { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                        let quote = b[j]
                        let valueStart = j + 1
                        var k = valueStart
                        while k < b.count, b[k] != quote { k += 1 }
                        value = String(decoding: b[valueStart..<k], as: UTF8.self)
                        j = min(b.count, k + 1)
                    } else {
                        let valueStart = j
                        while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: b[valueStart..<j], as: UTF8.self)
                    }
                }
                // The first of duplicated attributes wins.
                if seen.insert(attrName).inserted { attributes.append((attrName, decodeEntities(value))) }
            }
            if isEnd {
                tokens.append(.endTag(name: name))
                i = j
                textStart = i
                continue
            }
            tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
            i = j
            textStart = i
            // Raw text: everything up to `</name` is text.
            if (rawText.contains(name) || escapableRawText.contains(name)) && !selfClosing {
                var k = i
                while k < b.count {
                    if b[k] == UInt8(ascii: "<"), k + 1 < b.count, b[k + 1] == UInt8(ascii: "/"), startsIgnoringCase(b, k + 2, name),
                       k + 2 + name.utf8.count >= b.count || [UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(b[k + 2 + name.utf8.count]) {
                        break
                    }
                    k += 1
                }
                let content = String(decoding: b[i..<k], as: UTF8.self)
                if !content.isEmpty { tokens.append(.text(escapableRawText.contains(name) ? decodeEntities(content) : content)) }
                i = k
                textStart = i
            }
        }
        if tokens.count < limit { flushText(b.count) }
        return tokens
    }

    // MARK: Bytes

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    static func starts(_ b: [UInt8], _ at: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard at >= 0, at + n <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[at + k] != p[k] { return false }
        return true
    }

    static func startsIgnoringCase(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        let n = Array(s.utf8)
        guard at >= 0, at + n.count <= b.count else { return false }
        for k in 0..<n.count where (b[at + k] | 0x20) != (n[k] | 0x20) { return false }
        return true
    }

    // MARK: Character references

    /// The named references that matter in URLs, attributes and the text rules read; the rest
    /// stay as written (the full HTML table has over 2,000 names).
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "sect": "§", "para": "¶", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "frac12": "½", "sol": "/",
        "colon": ":", "equals": "=", "quest": "?", "num": "#", "percnt": "%", "lpar": "(", "rpar": ")", "period": ".",
        "comma": ",", "semi": ";", "excl": "!", "dollar": "$", "Tab": "\t", "NewLine": "\n",
    ]

    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var index = s.startIndex
        while index < s.endIndex {
            let c = s[index]
            guard c == "&" else { out.append(c); index = s.index(after: index); continue }
            var end = s.index(after: index)
            var body = ""
            while end < s.endIndex, s[end] != ";", body.count < 32, s[end].isLetter || s[end].isNumber || s[end] == "#" || s[end] == "x" || s[end] == "X" {
                body.append(s[end])
                end = s.index(after: end)
            }
            let terminated = end < s.endIndex && s[end] == ";"
            var replacement: String?
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let value {
                    // NUL, surrogates and out-of-range become U+FFFD, as browsers do.
                    let scalar = value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) ? Unicode.Scalar(0xFFFD)! : Unicode.Scalar(value)
                    replacement = scalar.map { String(Character($0)) }
                }
            } else if let named = named[body] {
                replacement = named
            }
            if let replacement, terminated || body.hasPrefix("#") || ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(body) {
                out += replacement
                index = terminated ? s.index(after: end) : end
            } else {
                out.append("&")
                index = s.index(after: index)
            }
        }
        return out
    }
}
