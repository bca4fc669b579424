import Foundation

extension Parser {
    // MARK: Numbers

    func numberValue(_ t: Token) throws(PythonSyntaxError) -> ConstantValue {
        var text = src[t.start..<t.end].filter { $0 != UInt8(ascii: "_") }
        guard let last = text.last else { throw error("invalid number", at: t.startPosition) }
        if last | 0x20 == UInt8(ascii: "j") {
            text.removeLast()
            return .complex(Double(String(decoding: text, as: UTF8.self)) ?? .nan)
        }
        if text.count > 1 && text[0] == UInt8(ascii: "0") {
            let radix: Int
            switch text[1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 0
            }
            if radix != 0 { return .int(Parser.decimalString(Array(text.dropFirst(2)), radix: radix)) }
        }
        if text.contains(UInt8(ascii: ".")) || text.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
            return .float(Double(String(decoding: text, as: UTF8.self)) ?? .nan)
        }
        // Decimal: drop leading zeros (`000` is 0).
        let digits = text.drop { $0 == UInt8(ascii: "0") }
        return .int(digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self))
    }

    /// Digits in `radix` as a decimal string, for integers of any size.
    static func decimalString(_ digits: [UInt8], radix: Int) -> String {
        // Little-endian limbs in base 10^9.
        var limbs: [UInt64] = [0]
        let base: UInt64 = 1_000_000_000
        for d in digits {
            let value: UInt64
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(d - UInt8(ascii: "0"))
            default: value = UInt64((d | 0x20) - UInt8(ascii: "a") + 10)
            }
            var carry = value
            for k in limbs.indices {
                let product = limbs[k] * UInt64(radix) + carry
                limbs[k] = product % base
                carry = product / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        var out = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            out += String(repeating: "0", count: 9 - part.count) + part
        }
        return out
    }

    // MARK: Strings

    struct StringPiece {
        var token: Token
        var index: Int
        var flags: Tokenizer.StringFlags
        var bodyStart: Int
        var bodyEnd: Int
    }

    func piece(_ t: Token, index: Int) -> StringPiece {
        var k = t.start
        while src[k] != UInt8(ascii: "'") && src[k] != UInt8(ascii: "\"") { k += 1 }
        let flags = Tokenizer.prefixFlags(src[t.start..<k]) ?? []
        let quote = src[k]
        let triple = k + 2 < t.end && src[k + 1] == quote && src[k + 2] == quote && t.end - k >= 6
        let q = triple ? 3 : 1
        return StringPiece(token: t, index: index, flags: flags, bodyStart: k + q, bodyEnd: t.end - q)
    }

    /// One or more adjacent string literals: a `Constant`, or a `JoinedStr` when any is an f-string.
    mutating func strings() throws(PythonSyntaxError) -> Expr {
        var pieces: [StringPiece] = []
        while at(.string) {
            pieces.append(piece(tok, index: i))
            advance()
        }
        let whole = Span(pieces[0].token.startPosition, pieces[pieces.count - 1].token.endPosition)
        let isBytes = pieces[0].flags.contains(.bytes)
        for p in pieces where p.flags.contains(.bytes) != isBytes {
            throw error("cannot mix bytes and nonbytes literals", at: pieces[0].token.startPosition)
        }
        let kind: String? = pieces[0].flags.contains(.unicode) ? "u" : nil
        if isBytes {
            var bytes: [UInt8] = []
            for p in pieces { bytes += try bytesValue(p) }
            return Expr(.constant(value: .bytes(bytes), kind: nil), whole)
        }
        let isTemplate = pieces.contains { $0.flags.contains(.template) }
        if isTemplate && version < .v3_14 { throw error("template strings need Python 3.14", at: whole.start) }
        if isTemplate && pieces.contains(where: { !$0.flags.contains(.template) }) {
            throw error("cannot mix t-string literals with string or bytes literals", at: whole.start)
        }
        guard pieces.contains(where: { $0.flags.contains(.format) || $0.flags.contains(.template) }) else {
            var value = ""
            var sawSurrogate = false
            for p in pieces {
                value += try stringValue(p.bodyStart, p.bodyEnd, raw: p.flags.contains(.raw), at: p.token.startPosition, sawSurrogate: &sawSurrogate)
            }
            if sawSurrogate {
                let points = value.unicodeScalars.map { scalar in
                    (PythonRepr.surrogateBase..<(PythonRepr.surrogateBase + 0x800)).contains(scalar.value) ? scalar.value - PythonRepr.surrogateBase + 0xD800 : scalar.value
                }
                return Expr(.constant(value: .codePoints(points), kind: kind), whole)
            }
            return Expr(.constant(value: .string(value), kind: kind), whole)
        }
        var builder = JoinedBuilder(span: whole)
        for p in pieces {
            if p.flags.contains(.format) || p.flags.contains(.template), let layout = fstrings[p.index] {
                try appendLayout(layout, raw: p.flags.contains(.raw), to: &builder, template: isTemplate, at: p.token.startPosition, pieceSpan: Span(p.token.startPosition, p.token.endPosition))
            } else {
                builder.literal += try stringValue(p.bodyStart, p.bodyEnd, raw: p.flags.contains(.raw), at: p.token.startPosition)
            }
        }
        builder.flush()
        return Expr(isTemplate ? .templateStr(values: builder.values) : .joinedStr(values: builder.values), whole)
    }

    /// Collects the values of a `JoinedStr`, merging adjacent literal text into one `Constant`.
    struct JoinedBuilder {
        var span: Span
        var values: [Expr] = []
        var literal = ""

        mutating func flush() {
            if !literal.isEmpty {
                values.append(Expr(.constant(value: .string(literal), kind: nil), span))
                literal = ""
            }
        }
    }

    /// Adds an f-string's pieces. In CPython 3.11 the pieces take the span of the whole
    /// concatenation (format specs of plain text excepted).
    mutating func appendLayout(_ layout: FStringLayout, raw: Bool, to builder: inout JoinedBuilder, template: Bool, at position: SourcePosition, pieceSpan: Span) throws(PythonSyntaxError) {
        for part in layout.parts {
            switch part {
            case .literal(let start, let end):
                builder.literal += try stringValue(start, end, raw: raw, at: position, fstring: true)
            case .field(let field):
                let value = try fieldExpression(field)
                if let debugEnd = field.debugEnd {
                    builder.literal += String(decoding: src[field.expressionStart..<debugEnd], as: UTF8.self)
                }
                builder.flush()
                var spec: Expr?
                if let layout = field.formatSpec {
                    // CPython 3.11: the spec takes its string token's span; its pieces take that
                    // too when they are plain text, and the whole concatenation's otherwise.
                    let hasFields = layout.parts.contains { if case .field = $0 { true } else { false } }
                    var specBuilder = JoinedBuilder(span: hasFields ? builder.span : pieceSpan)
                    try appendLayout(layout, raw: raw, to: &specBuilder, template: template, at: position, pieceSpan: pieceSpan)
                    specBuilder.flush()
                    spec = Expr(.joinedStr(values: specBuilder.values), pieceSpan)
                }
                var conversion = field.conversion.map(Int.init) ?? -1
                if field.debugEnd != nil && field.conversion == nil && field.formatSpec == nil { conversion = Int(UInt8(ascii: "r")) }
                if template {
                    let text = String(decoding: src[field.expressionStart..<field.expressionEnd], as: UTF8.self)
                    builder.values.append(Expr(.interpolation(value: value, str: text, conversion: conversion, formatSpec: spec), builder.span))
                } else {
                    builder.values.append(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: spec), builder.span))
                }
            }
        }
    }

    /// Parses the expression of a replacement field with its own tokens, positions as in the file.
    func fieldExpression(_ field: FStringLayout.Field) throws(PythonSyntaxError) -> Expr {
        var output = try Tokenizer.tokenizeExpression(src, start: field.expressionStart, end: field.expressionEnd, at: position(ofOffset: field.expressionStart))
        guard let last = output.tokens.last else {
            throw error("f-string: valid expression required before '}'", at: position(ofOffset: field.expressionStart))
        }
        output.tokens.append(Token(kind: .endMarker, start: field.expressionEnd, end: field.expressionEnd, startPosition: last.endPosition, endPosition: last.endPosition))
        var sub = Parser(src: src, tokens: output.tokens, fstrings: output.fstrings, version: version)
        sub.depth = depth + 8
        let value = try sub.at(.kwYield) ? sub.yieldExpression() : sub.starExpressions()
        guard sub.at(.endMarker) else { throw sub.error("f-string: expecting '}'") }
        if case .tuple = value.kind, src[field.expressionStart..<field.expressionEnd].first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) != UInt8(ascii: "(") {
            // CPython 3.11 reads a field as "(expr)": a bare tuple spans the braces.
            value.span = Span(position(ofOffset: field.expressionStart - 1), position(ofOffset: field.closeBrace + 1))
        }
        return value
    }

    /// The line and column of a byte offset, from the nearest token before it (f-string fields
    /// lie inside their string token, so this scans only within one token).
    func position(ofOffset offset: Int) -> SourcePosition {
        var k = min(i, tokens.count - 1)
        while k > 0 && tokens[k].start > offset { k -= 1 }
        var line = tokens[k].startPosition.line
        var lineStart = tokens[k].start - tokens[k].startPosition.column
        if tokens[k].start > offset {
            line = 1
            lineStart = 0
        }
        var j = max(lineStart, 0)
        if offsetCursor.offset >= max(tokens[k].start, 0), offsetCursor.offset <= offset, tokens[k].start <= offset {
            line = offsetCursor.line
            lineStart = offsetCursor.lineStart
            j = offsetCursor.offset
        }
        defer {
            offsetCursor.offset = min(offset, src.count)
            offsetCursor.line = line
            offsetCursor.lineStart = lineStart
        }
        while j < min(offset, src.count) {
            if src[j] == 0x0A {
                line += 1
                lineStart = j + 1
            }
            j += 1
        }
        return SourcePosition(line: line, column: offset - lineStart)
    }

    /// The value of a `str` literal body, escapes processed unless raw; in f-strings `{{` and `}}` are single braces.
    func stringValue(_ start: Int, _ end: Int, raw: Bool, at position: SourcePosition, fstring: Bool = false) throws(PythonSyntaxError) -> String {
        var ignored = false
        return try stringValue(start, end, raw: raw, at: position, fstring: fstring, sawSurrogate: &ignored)
    }

    func stringValue(_ start: Int, _ end: Int, raw: Bool, at position: SourcePosition, fstring: Bool = false, sawSurrogate: inout Bool) throws(PythonSyntaxError) -> String {
        var scalars = String.UnicodeScalarView()
        var k = start
        var plainStart = k
        func flushPlain(_ upTo: Int) {
            if upTo > plainStart { scalars.append(contentsOf: String(decoding: src[plainStart..<upTo], as: UTF8.self).unicodeScalars) }
        }
        while k < end {
            let c = src[k]
            if fstring && (c == UInt8(ascii: "{") || c == UInt8(ascii: "}")) && k + 1 < end && src[k + 1] == c {
                flushPlain(k + 1)
                k += 2
                plainStart = k
                continue
            }
            guard c == UInt8(ascii: "\\"), !raw, k + 1 < end else {
                k += 1
                continue
            }
            flushPlain(k)
            let e = src[k + 1]
            k += 2
            switch e {
            case 0x0A: break
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "'"): scalars.append("'")
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "a"): scalars.append("\u{07}")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "v"): scalars.append("\u{0B}")
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(e - UInt8(ascii: "0"))
                var count = 1
                while count < 3, k < end, src[k] >= UInt8(ascii: "0"), src[k] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(src[k] - UInt8(ascii: "0"))
                    k += 1
                    count += 1
                }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                guard k + count <= end, let value = UInt32(String(decoding: src[k..<(k + count)], as: UTF8.self), radix: 16) else {
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\\(Character(Unicode.Scalar(e)))\(String(repeating: "X", count: count)) escape", at: position)
                }
                guard let scalar = Unicode.Scalar(value) else {
                    if value >= 0xD800 && value <= 0xDFFF, let stand = PythonRepr.surrogateStandIn(value) {
                        // A lone surrogate: Python keeps it; Swift strings cannot, so a stand-in does.
                        scalars.append(stand)
                        sawSurrogate = true
                        k += count
                        plainStart = k
                        continue
                    }
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", at: position)
                }
                scalars.append(scalar)
                k += count
            case UInt8(ascii: "N"):
                guard k < end, src[k] == UInt8(ascii: "{"), let close = src[k..<end].firstIndex(of: UInt8(ascii: "}")) else {
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", at: position)
                }
                let name = String(decoding: src[(k + 1)..<close], as: UTF8.self)
                guard let scalar = Parser.unicodeScalar(named: name) else {
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name", at: position)
                }
                scalars.append(scalar)
                k = close + 1
            default:
                // Unknown escapes keep their backslash (a warning in CPython, not an error).
                scalars.append("\\")
                k -= 1
            }
            plainStart = k
        }
        flushPlain(end)
        return String(scalars)
    }

    static let unicodeNameAliases: [String: Unicode.Scalar] = [
        "NULL": "\u{00}", "NUL": "\u{00}", "LINE FEED": "\n", "LF": "\n", "NEW LINE": "\n", "CARRIAGE RETURN": "\r",
        "CR": "\r", "CHARACTER TABULATION": "\t", "TAB": "\t", "HORIZONTAL TABULATION": "\t", "ESCAPE": "\u{1B}",
        "ESC": "\u{1B}", "SPACE": " ", "DELETE": "\u{7F}", "FORM FEED": "\u{0C}", "BACKSPACE": "\u{08}",
        "LINE TABULATION": "\u{0B}", "BELL": "\u{07}", "ALERT": "\u{07}", "ZWSP": "\u{200B}", "BYTE ORDER MARK": "\u{FEFF}",
    ]

    static func unicodeScalar(named name: String) -> Unicode.Scalar? {
        let upper = name.uppercased()
        if let alias = unicodeNameAliases[upper] { return alias }
        let converted = ("\\N{" + upper + "}").applyingTransform(StringTransform("Name-Any"), reverse: false)
        guard let converted, !converted.hasPrefix("\\N{"), converted.unicodeScalars.count == 1 else { return nil }
        return converted.unicodeScalars.first
    }

    /// The value of a `bytes` literal body.
    func bytesValue(_ p: StringPiece) throws(PythonSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        var k = p.bodyStart
        let raw = p.flags.contains(.raw)
        while k < p.bodyEnd {
            let c = src[k]
            if c >= 0x80 { throw error("bytes can only contain ASCII literal characters", at: p.token.startPosition) }
            guard c == UInt8(ascii: "\\"), !raw, k + 1 < p.bodyEnd else {
                out.append(c)
                k += 1
                continue
            }
            let e = src[k + 1]
            k += 2
            switch e {
            case 0x0A: break
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(e - UInt8(ascii: "0"))
                var count = 1
                while count < 3, k < p.bodyEnd, src[k] >= UInt8(ascii: "0"), src[k] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(src[k] - UInt8(ascii: "0"))
                    k += 1
                    count += 1
                }
                out.append(UInt8(value & 0xFF))
            case UInt8(ascii: "x"):
                guard k + 2 <= p.bodyEnd, let value = UInt8(String(decoding: src[k..<(k + 2)], as: UTF8.self), radix: 16) else {
                    throw error("(value error) invalid \\x escape at position \(k - p.bodyStart - 2)", at: p.token.startPosition)
                }
                out.append(value)
                k += 2
            default:
                out.append(UInt8(ascii: "\\"))
                k -= 1
            }
        }
        return out
    }
}
