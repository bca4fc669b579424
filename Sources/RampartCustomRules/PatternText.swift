/// Semgrep's pattern syntax for Python, turned into Python our parser reads: metavariables
/// become reserved identifiers, `<... e ...>` a reserved call, `...` entries of a dict display a
/// reserved `**` entry. Strings are left alone (a string `"$X"` is recognised after parsing),
/// except the replacement fields of f-strings.
enum PatternText {
    /// The identifier prefix of `$X` (`__smv_X`) and of `$...X` (`__smvs_X`).
    static let metavariablePrefix = "__smv_"
    static let sequencePrefix = "__smvs_"
    /// `<... e ...>` becomes `__smdeep(e)`.
    static let deepName = "__smdeep"
    /// `...` as an entry of a dict display becomes `**__smdots`; as a parameter, `__smdots`.
    static let dictDotsName = "__smdots"
    /// `. ... .` in an attribute chain becomes `.__smchain.`: any run of accesses.
    static let chainName = "__smchain"

    /// Whether `name` is a metavariable name as Semgrep writes it (`$X`, `$_`, `$X1`, `$FOO_BAR`).
    static func isMetavariable(_ name: Substring) -> Bool {
        guard name.first == "$", name.count >= 2 else { return false }
        let body = name.dropFirst()
        guard let first = body.first, first == "_" || ("A"..."Z").contains(first) else { return false }
        return body.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The pattern rewritten; throws a message when a bracket or string is left open.
    static func rewrite(_ text: String) throws(PatternError) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        // Open brackets: the byte, and for `{` whether its top level holds a `:` (a dict).
        var brackets: [(open: UInt8, isDict: Bool, isParameters: Bool)] = []
        var deepDepths: [Int] = []  // bracket depth at each open `<...`
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "#"):
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { out.append(bytes[i]); i += 1 }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                i = try copyString(bytes, from: i, prefix: [], into: &out)
            case UInt8(ascii: "$"):
                var j = i + 1
                var sequence = false
                if j + 2 < bytes.count && bytes[j] == UInt8(ascii: ".") && bytes[j + 1] == UInt8(ascii: ".") && bytes[j + 2] == UInt8(ascii: ".") {
                    sequence = true
                    j += 3
                }
                let start = j
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[start..<j], as: UTF8.self)
                guard isMetavariable("$" + name[...]) else {
                    throw PatternError("`$\(sequence ? "..." : "")\(name)` is not a metavariable: metavariables are `$` and capitals, digits or `_` (`$X`, `$ARG_1`)")
                }
                out += Array((sequence ? sequencePrefix : metavariablePrefix).utf8) + Array(name.utf8)
                i = j
            case UInt8(ascii: "<") where starts(bytes, i, "<..."):
                deepDepths.append(brackets.count)
                out += Array("\(deepName)(".utf8)
                i += 4
            case UInt8(ascii: ".") where starts(bytes, i, "...>") && deepDepths.last == brackets.count:
                deepDepths.removeLast()
                out.append(UInt8(ascii: ")"))
                i += 4
            case UInt8(ascii: ".") where starts(bytes, i, "...") && previousSignificant(out) == UInt8(ascii: ".")
                && nextSignificant(bytes, i + 3) == UInt8(ascii: "."):
                out += Array(chainName.utf8)
                i += 3
            case UInt8(ascii: ".") where starts(bytes, i, "...") && brackets.last?.isParameters == true
                && previousSignificant(out).map({ $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ",") }) ?? false:
                out += Array(dictDotsName.utf8)
                i += 3
            case UInt8(ascii: ".") where starts(bytes, i, "...") && brackets.last?.open == UInt8(ascii: "{") && brackets.last?.isDict == true
                && previousSignificant(out) .map({ $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ",") }) ?? false
                && nextSignificant(bytes, i + 3).map({ $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: ",") }) ?? true:
                out += Array("**\(dictDotsName)".utf8)
                i += 3
            case UInt8(ascii: "("):
                brackets.append((c, false, followsDefName(out)))
                out.append(c)
                i += 1
            case UInt8(ascii: "["):
                brackets.append((c, false, false))
                out.append(c)
                i += 1
            case UInt8(ascii: "{"):
                brackets.append((c, topLevelColon(bytes, after: i), false))
                out.append(c)
                i += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !brackets.isEmpty { brackets.removeLast() }
                out.append(c)
                i += 1
            default:
                if isNameStart(c) {
                    // A string prefix (`f"…"`, `rb'…'`) or a name.
                    var j = i
                    while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                    let word = bytes[i..<j]
                    if j < bytes.count, bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\""), word.count <= 2,
                       word.allSatisfy({ "rRbBuUfFtT".utf8.contains($0) }) {
                        out += word
                        i = try copyString(bytes, from: j, prefix: Array(word), into: &out)
                    } else {
                        out += word
                        i = j
                    }
                } else {
                    out.append(c)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies a string literal starting at its quote; f-string replacement fields are rewritten.
    private static func copyString(_ bytes: [UInt8], from start: Int, prefix: [UInt8], into out: inout [UInt8]) throws(PatternError) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        let isRaw = prefix.contains { $0 == UInt8(ascii: "r") || $0 == UInt8(ascii: "R") }
        let isFormat = prefix.contains { $0 == UInt8(ascii: "f") || $0 == UInt8(ascii: "F") || $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "T") }
        var i = start + (triple ? 3 : 1)
        out += bytes[start..<i]
        var braces = 0
        while i < bytes.count {
            let c = bytes[i]
            if braces == 0 {
                if c == UInt8(ascii: "\\") && !isRaw && i + 1 < bytes.count {
                    out += bytes[i...(i + 1)]
                    i += 2
                    continue
                }
                if c == quote && (!triple || (i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote)) {
                    let end = i + (triple ? 3 : 1)
                    out += bytes[i..<end]
                    return end
                }
                if isFormat && c == UInt8(ascii: "{") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "{") {
                        out += [c, c]
                        i += 2
                        continue
                    }
                    braces = 1
                }
                out.append(c)
                i += 1
            } else {
                // Inside a replacement field: metavariables and `...` as elsewhere.
                if c == UInt8(ascii: "$") {
                    var j = i + 1
                    while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                    let name = bytes[(i + 1)..<j]
                    if isMetavariable("$" + String(decoding: name, as: UTF8.self)[...]) {
                        out += Array(metavariablePrefix.utf8) + name
                        i = j
                        continue
                    }
                }
                if c == UInt8(ascii: "{") { braces += 1 }
                if c == UInt8(ascii: "}") { braces -= 1 }
                out.append(c)
                i += 1
            }
        }
        throw PatternError("a string is not closed")
    }

    private static func starts(_ bytes: [UInt8], _ i: Int, _ text: String) -> Bool {
        let t = Array(text.utf8)
        return i + t.count <= bytes.count && Array(bytes[i..<(i + t.count)]) == t
    }

    private static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
    }

    private static func isNameByte(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 0x30 && c <= 0x39) }

    /// Whether the output ends with `def name` (or `lambda`), so a `(` opens parameters.
    private static func followsDefName(_ out: [UInt8]) -> Bool {
        var j = out.count - 1
        while j >= 0, out[j] == UInt8(ascii: " ") || out[j] == UInt8(ascii: "\t") { j -= 1 }
        let nameEnd = j
        while j >= 0, isNameByte(out[j]) { j -= 1 }
        guard j < nameEnd else { return false }
        while j >= 0, out[j] == UInt8(ascii: " ") || out[j] == UInt8(ascii: "\t") { j -= 1 }
        guard j >= 2, out[(j - 2)...j].elementsEqual("def".utf8) else { return false }
        return j == 2 || !isNameByte(out[j - 3])
    }

    private static func previousSignificant(_ out: [UInt8]) -> UInt8? {
        out.last { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
    }

    private static func nextSignificant(_ bytes: [UInt8], _ from: Int) -> UInt8? {
        bytes[from...].first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
    }

    /// Whether the `{` at `open` holds a `:` at its own level (a dict display, not a set).
    private static func topLevelColon(_ bytes: [UInt8], after open: Int) -> Bool {
        var depth = 0
        var i = open + 1
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return false }
                depth -= 1
            case UInt8(ascii: ":") where depth == 0: return true
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Skip a simple string so a `:` inside it does not count.
                let quote = c
                i += 1
                while i < bytes.count && bytes[i] != quote {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            default: break
            }
            i += 1
        }
        return false
    }
}

/// Why a pattern cannot be used.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
