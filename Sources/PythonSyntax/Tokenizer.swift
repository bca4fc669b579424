import Foundation

/// Turns Python source (UTF-8, LF line ends: see `SourceDecoder`) into tokens, following the
/// Python 3.12 lexical rules: INDENT/DEDENT with tabs and spaces, implicit and explicit line
/// joining, every string prefix, f-strings nested as PEP 701 allows, numbers with underscores,
/// comments kept with their positions.
public struct Tokenizer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        /// The layout of each f-string token, by token index.
        public var fstrings: [Int: FStringLayout]
    }

    /// CPython's limits: deeper nesting is a syntax error, not a crash.
    public static let maxIndentLevels = 100
    public static let maxParenthesisLevels = 200

    let src: [UInt8]
    var pos: Int
    let end: Int
    var line: Int
    var lineStart: Int
    var tokens: [Token] = []
    var comments: [Comment] = []
    var fstrings: [Int: FStringLayout] = [:]
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var parens: [(UInt8, SourcePosition)] = []
    var atLineStart = true
    var lineHasTokens = false
    /// Tokenizing an expression inside an f-string: no lines, no indentation.
    let expressionMode: Bool
    /// PEP 701 (3.12): a replacement field may hold strings with the f-string's own quote.
    var nestedQuotes = true

    /// Tokenizes a whole module.
    public static func tokenize(_ source: [UInt8], nestedQuotes: Bool = true) throws(PythonSyntaxError) -> Output {
        var tokenizer = Tokenizer(src: source, start: 0, end: source.count, line: 1, lineStart: 0, expressionMode: false)
        tokenizer.nestedQuotes = nestedQuotes
        try tokenizer.run()
        return Output(tokens: tokenizer.tokens, comments: tokenizer.comments, fstrings: tokenizer.fstrings)
    }

    /// Tokenizes `start..<end` of `source` as one expression (an f-string replacement field),
    /// with positions as in the whole file.
    static func tokenizeExpression(_ source: [UInt8], start: Int, end: Int, at position: SourcePosition) throws(PythonSyntaxError) -> Output {
        let line = position.line
        let lineStart = start - position.column
        var tokenizer = Tokenizer(src: source, start: start, end: end, line: line, lineStart: lineStart, expressionMode: true)
        try tokenizer.run()
        return Output(tokens: tokenizer.tokens, comments: tokenizer.comments, fstrings: tokenizer.fstrings)
    }

    init(src: [UInt8], start: Int, end: Int, line: Int, lineStart: Int, expressionMode: Bool) {
        self.src = src
        self.pos = start
        self.end = end
        self.line = line
        self.lineStart = lineStart
        self.expressionMode = expressionMode
        self.atLineStart = !expressionMode
        tokens.reserveCapacity((end - start) / 4)
    }

    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i < end ? src[i] : 0
    }

    var position: SourcePosition { SourcePosition(line: line, column: pos - lineStart) }

    func error(_ message: String, at position: SourcePosition? = nil, kind: PythonSyntaxError.Kind = .syntax) -> PythonSyntaxError {
        PythonSyntaxError(kind, message, at: position ?? self.position)
    }

    mutating func emit(_ kind: TokenKind, from start: Int, _ startPosition: SourcePosition) {
        tokens.append(Token(kind: kind, start: start, end: pos, startPosition: startPosition, endPosition: position))
        lineHasTokens = true
    }

    mutating func newline() {
        line += 1
        lineStart = pos
    }

    mutating func run() throws(PythonSyntaxError) {
        while true {
            if atLineStart {
                atLineStart = false
                if try !indentation() { continue }
            }
            // Skip blanks.
            while pos < end, src[pos] == 0x20 || src[pos] == 0x09 || src[pos] == 0x0C { pos += 1 }
            guard pos < end else { break }
            let c = src[pos]
            let startPosition = position
            let start = pos
            switch c {
            case UInt8(ascii: "#"):
                while pos < end && src[pos] != 0x0A { pos += 1 }
                comments.append(Comment(text: String(decoding: src[start..<pos], as: UTF8.self), position: startPosition))
            case 0x0A:
                if !expressionMode && parens.isEmpty && lineHasTokens {
                    pos += 1
                    tokens.append(Token(kind: .newline, start: start, end: pos, startPosition: startPosition, endPosition: SourcePosition(line: line, column: pos - lineStart)))
                    lineHasTokens = false
                } else {
                    pos += 1
                }
                newline()
                if !expressionMode && parens.isEmpty { atLineStart = true }
            case UInt8(ascii: "\\"):
                guard peek(1) == 0x0A else {
                    throw error("unexpected character after line continuation character", at: SourcePosition(line: line, column: pos - lineStart + 1))
                }
                pos += 2
                newline()
                if pos >= end && !expressionMode {
                    throw error("unexpected EOF while parsing")
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
                emit(.number, from: start, startPosition)
            case UInt8(ascii: "."):
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(peek(1)) {
                    try number()
                    emit(.number, from: start, startPosition)
                } else if peek(1) == UInt8(ascii: ".") && peek(2) == UInt8(ascii: ".") {
                    pos += 3
                    emit(.ellipsis, from: start, startPosition)
                } else {
                    pos += 1
                    emit(.dot, from: start, startPosition)
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try string(prefixStart: start, startPosition: startPosition, flags: [])
            default:
                if Tokenizer.isIdentifierStartASCII(c) || c >= 0x80 {
                    try nameOrString(start: start, startPosition: startPosition)
                } else {
                    try operatorToken(start: start, startPosition: startPosition)
                }
            }
        }
        if expressionMode {
            return
        }
        if let (char, openedAt) = parens.last {
            throw error("'\(Character(Unicode.Scalar(char)))' was never closed", at: openedAt)
        }
        let endPosition = position
        if lineHasTokens {
            tokens.append(Token(kind: .newline, start: pos, end: pos, startPosition: endPosition, endPosition: SourcePosition(line: line, column: pos - lineStart + 1)))
        }
        for _ in 1..<indents.count {
            tokens.append(Token(kind: .dedent, start: pos, end: pos, startPosition: endPosition, endPosition: endPosition))
        }
        tokens.append(Token(kind: .endMarker, start: pos, end: pos, startPosition: endPosition, endPosition: endPosition))
    }

    /// Measures the indentation of a new logical line and emits INDENT or DEDENT tokens.
    /// Returns false for blank and comment-only lines, which do not count.
    mutating func indentation() throws(PythonSyntaxError) -> Bool {
        var col = 0, alt = 0
        while pos < end {
            switch src[pos] {
            case 0x20:
                col += 1
                alt += 1
            case 0x09:
                col = (col / 8 + 1) * 8
                alt += 1
            case 0x0C:
                col = 0
                alt = 0
            default:
                break
            }
            if src[pos] != 0x20 && src[pos] != 0x09 && src[pos] != 0x0C { break }
            pos += 1
        }
        let c = peek()
        if c == UInt8(ascii: "#") || c == 0x0A || pos >= end {
            return true  // blank line: the main loop reads the comment or newline
        }
        if c == UInt8(ascii: "\\") && peek(1) == 0x0A {
            // A continuation right after indentation: the next line continues this one.
            return true
        }
        let here = position
        if col == indents[indents.count - 1] {
            if alt != altIndents[altIndents.count - 1] {
                throw error("inconsistent use of tabs and spaces in indentation", kind: .indentation)
            }
        } else if col > indents[indents.count - 1] {
            guard indents.count <= Tokenizer.maxIndentLevels else {
                throw error("too many levels of indentation", kind: .tooDeep)
            }
            if alt <= altIndents[altIndents.count - 1] {
                throw error("inconsistent use of tabs and spaces in indentation", kind: .indentation)
            }
            indents.append(col)
            altIndents.append(alt)
            tokens.append(Token(kind: .indent, start: lineStart, end: pos, startPosition: SourcePosition(line: line, column: 0), endPosition: here))
        } else {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(Token(kind: .dedent, start: pos, end: pos, startPosition: here, endPosition: here))
            }
            if col != indents[indents.count - 1] {
                throw error("unindent does not match any outer indentation level", kind: .indentation)
            }
            if alt != altIndents[altIndents.count - 1] {
                throw error("inconsistent use of tabs and spaces in indentation", kind: .indentation)
            }
        }
        return true
    }

    static func isIdentifierStartASCII(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    static func isIdentifierContinueASCII(_ c: UInt8) -> Bool {
        isIdentifierStartASCII(c) || (c >= 0x30 && c <= 0x39)
    }

    /// Decodes the scalar at `i` (valid UTF-8 is guaranteed by `SourceDecoder`); returns it and its length.
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b = src[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        var length = 2
        var value = UInt32(b & 0x1F)
        if b & 0xF0 == 0xE0 { length = 3; value = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { length = 4; value = UInt32(b & 0x07) }
        for k in 1..<length where i + k < end { value = (value << 6) | UInt32(src[i + k] & 0x3F) }
        // A sequence cut short by the end (bytes that did not come through SourceDecoder) never
        // moves past it: found by fuzzing the tokenizer directly.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, end - i))
    }

    mutating func nameOrString(start: Int, startPosition: SourcePosition) throws(PythonSyntaxError) {
        // A string prefix: at most 3 letters from r, b, u, f, t, directly followed by a quote.
        var prefixLength = 0
        while prefixLength < 3, pos + prefixLength < end {
            let letter = src[pos + prefixLength] | 0x20
            guard letter == UInt8(ascii: "r") || letter == UInt8(ascii: "b") || letter == UInt8(ascii: "u")
                || letter == UInt8(ascii: "f") || letter == UInt8(ascii: "t") else { break }
            prefixLength += 1
        }
        if prefixLength > 0, pos + prefixLength < end, src[pos + prefixLength] == UInt8(ascii: "'") || src[pos + prefixLength] == UInt8(ascii: "\"") {
            if let flags = Tokenizer.prefixFlags(src[pos..<(pos + prefixLength)]) {
                pos += prefixLength
                try string(prefixStart: start, startPosition: startPosition, flags: flags)
                return
            }
        }
        // An identifier.
        while pos < end {
            let c = src[pos]
            if c < 0x80 {
                guard Tokenizer.isIdentifierContinueASCII(c) else { break }
                pos += 1
            } else {
                let (scalar, length) = scalar(at: pos)
                let ok = pos == start ? (scalar.properties.isXIDStart || scalar == "_") : scalar.properties.isXIDContinue
                guard ok else {
                    if pos == start {
                        throw error("invalid character '\(Character(scalar))' (U+\(String(scalar.value, radix: 16, uppercase: true)))")
                    }
                    break
                }
                pos += length
            }
        }
        var kind = TokenKind.name
        if pos - start <= 8, src[start] < 0x80 {
            kind = TokenKind.keywords[String(decoding: src[start..<pos], as: UTF8.self)] ?? .name
        }
        emit(kind, from: start, startPosition)
    }

    struct StringFlags: OptionSet {
        let rawValue: UInt8
        static let raw = StringFlags(rawValue: 1)
        static let bytes = StringFlags(rawValue: 2)
        static let unicode = StringFlags(rawValue: 4)
        static let format = StringFlags(rawValue: 8)
        static let template = StringFlags(rawValue: 16)
    }

    /// The flags of a valid string prefix, or nil (`ub`, `bf`, `rr` are not prefixes).
    static func prefixFlags(_ prefix: ArraySlice<UInt8>) -> StringFlags? {
        var flags: StringFlags = []
        for byte in prefix {
            let flag: StringFlags
            switch byte | 0x20 {
            case UInt8(ascii: "r"): flag = .raw
            case UInt8(ascii: "b"): flag = .bytes
            case UInt8(ascii: "u"): flag = .unicode
            case UInt8(ascii: "f"): flag = .format
            case UInt8(ascii: "t"): flag = .template
            default: return nil
            }
            if flags.contains(flag) { return nil }
            flags.insert(flag)
        }
        if flags.contains(.unicode) && flags != .unicode { return nil }
        if flags.contains(.bytes) && (flags.contains(.format) || flags.contains(.template)) { return nil }
        if flags.contains(.format) && flags.contains(.template) { return nil }
        return flags
    }

    /// Reads a string literal whose opening quote is at `pos`.
    mutating func string(prefixStart: Int, startPosition: SourcePosition, flags: StringFlags) throws(PythonSyntaxError) {
        let quote = src[pos]
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        if flags.contains(.format) || flags.contains(.template) {
            let layout = try fstringBody(quote: quote, triple: triple, raw: flags.contains(.raw), openedAt: startPosition, depth: 0)
            fstrings[tokens.count] = layout
        } else {
            try plainStringBody(quote: quote, triple: triple, openedAt: startPosition)
        }
        emit(.string, from: prefixStart, startPosition)
    }

    mutating func plainStringBody(quote: UInt8, triple: Bool, openedAt: SourcePosition) throws(PythonSyntaxError) {
        while true {
            guard pos < end else {
                throw error(triple ? "unterminated triple-quoted string literal (detected at line \(line))" : "unterminated string literal (detected at line \(line))", at: openedAt)
            }
            let c = src[pos]
            if c == quote {
                if !triple {
                    pos += 1
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    pos += 3
                    return
                }
                pos += 1
            } else if c == UInt8(ascii: "\\") {
                pos += 1
                if pos < end {
                    if src[pos] == 0x0A {
                        pos += 1
                        newline()
                    } else {
                        pos += 1
                    }
                }
            } else if c == 0x0A {
                if !triple {
                    throw error("unterminated string literal (detected at line \(line))", at: openedAt)
                }
                pos += 1
                newline()
            } else {
                pos += 1
            }
        }
    }

    /// Reads the body of an f-string up to and including its closing quote, recording literal
    /// parts and replacement fields. `depth` counts f-strings nested in replacement fields.
    mutating func fstringBody(quote: UInt8, triple: Bool, raw: Bool, openedAt: SourcePosition, depth: Int) throws(PythonSyntaxError) -> FStringLayout {
        guard depth < Tokenizer.maxParenthesisLevels else { throw error("too many nested f-strings", kind: .tooDeep) }
        var parts: [FStringLayout.Part] = []
        var literalStart = pos
        func closeLiteral(_ upTo: Int) {
            if upTo > literalStart { parts.append(.literal(start: literalStart, end: upTo)) }
        }
        while true {
            guard pos < end else {
                throw error(triple ? "unterminated triple-quoted f-string literal (detected at line \(line))" : "unterminated f-string literal (detected at line \(line))", at: openedAt)
            }
            let c = src[pos]
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                closeLiteral(pos)
                pos += triple ? 3 : 1
                return FStringLayout(parts: parts)
            } else if c == UInt8(ascii: "\\") {
                pos += 1
                if pos < end {
                    if src[pos] == 0x0A {
                        pos += 1
                        newline()
                    } else if src[pos] == UInt8(ascii: "{") || src[pos] == UInt8(ascii: "}") {
                        // `\{` is a backslash then a brace: let the brace be seen.
                    } else if !raw && src[pos] == UInt8(ascii: "N") && peek(1) == UInt8(ascii: "{") {
                        // `\N{NAME}` is an escape, not a replacement field.
                        while pos < end && src[pos] != UInt8(ascii: "}") && src[pos] != 0x0A { pos += 1 }
                        if pos < end && src[pos] == UInt8(ascii: "}") { pos += 1 }
                    } else {
                        pos += 1
                    }
                }
            } else if c == 0x0A {
                if !triple { throw error("unterminated f-string literal (detected at line \(line))", at: openedAt) }
                pos += 1
                newline()
            } else if c == UInt8(ascii: "{") {
                if peek(1) == UInt8(ascii: "{") {
                    pos += 2
                    continue
                }
                closeLiteral(pos)
                parts.append(.field(try replacementField(quote: quote, triple: triple, raw: raw, depth: depth)))
                literalStart = pos
            } else if c == UInt8(ascii: "}") {
                if peek(1) == UInt8(ascii: "}") {
                    pos += 2
                    continue
                }
                throw error("f-string: single '}' is not allowed")
            } else {
                pos += 1
            }
        }
    }

    /// Reads `{…}` starting at its `{`; leaves `pos` after the closing `}`.
    mutating func replacementField(quote: UInt8, triple: Bool, raw: Bool, depth: Int) throws(PythonSyntaxError) -> FStringLayout.Field {
        let open = position
        pos += 1
        let expressionStart = pos
        var brackets = 0
        var expressionEnd: Int?
        var debugEnd: Int?
        var conversion: UInt8?
        var spec: FStringLayout?
        while true {
            guard pos < end else { throw error("f-string: expecting '}'", at: open) }
            let c = src[pos]
            if c == quote && !nestedQuotes && (!triple || (peek(1) == quote && peek(2) == quote)) {
                throw error(brackets == 0 ? "f-string: expecting '}'" : "f-string: unmatched bracket", at: open)
            }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                guard brackets < Tokenizer.maxParenthesisLevels else { throw error("too many nested parentheses", kind: .tooDeep) }
                pos += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                brackets -= 1
                pos += 1
            case UInt8(ascii: "}"):
                if brackets > 0 {
                    brackets -= 1
                    pos += 1
                    continue
                }
                if expressionEnd == nil { expressionEnd = pos }
                guard expressionEnd! > expressionStart else { throw error("f-string: valid expression required before '}'") }
                let close = pos
                pos += 1
                return FStringLayout.Field(expressionStart: expressionStart, expressionEnd: expressionEnd!, debugEnd: debugEnd, conversion: conversion, formatSpec: spec, closeBrace: close)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try nestedString(quote: c, depth: depth)
            case UInt8(ascii: "#"):
                throw error("f-string expression part cannot include '#'")
            case 0x0A:
                pos += 1
                newline()
            case UInt8(ascii: "="):
                let previous = pos > expressionStart ? src[pos - 1] : 0
                if brackets == 0 && peek(1) != UInt8(ascii: "=") && previous != UInt8(ascii: "=") && previous != UInt8(ascii: "!")
                    && previous != UInt8(ascii: "<") && previous != UInt8(ascii: ">") && previous != UInt8(ascii: ":") {
                    expressionEnd = pos
                    pos += 1
                    while pos < end && (src[pos] == 0x20 || src[pos] == 0x09 || src[pos] == 0x0A) {
                        if src[pos] == 0x0A { pos += 1; newline() } else { pos += 1 }
                    }
                    debugEnd = pos
                    try fieldTail(&conversion, &spec, quote: quote, triple: triple, raw: raw, depth: depth)
                    guard peek() == UInt8(ascii: "}") else { throw error("f-string: expecting '}'") }
                    continue
                }
                pos += 1
            case UInt8(ascii: "!") where brackets == 0 && peek(1) != UInt8(ascii: "="):
                expressionEnd = pos
                try fieldTail(&conversion, &spec, quote: quote, triple: triple, raw: raw, depth: depth)
                guard peek() == UInt8(ascii: "}") else { throw error("f-string: expecting '}'") }
            case UInt8(ascii: ":") where brackets == 0:
                expressionEnd = pos
                try fieldTail(&conversion, &spec, quote: quote, triple: triple, raw: raw, depth: depth)
                guard peek() == UInt8(ascii: "}") else { throw error("f-string: expecting '}'") }
            default:
                if c >= 0x80 {
                    pos += scalar(at: pos).1
                } else {
                    pos += 1
                }
            }
        }
    }

    /// After the expression: an optional `!r` conversion, then an optional `:spec`.
    mutating func fieldTail(_ conversion: inout UInt8?, _ spec: inout FStringLayout?, quote: UInt8, triple: Bool, raw: Bool, depth: Int) throws(PythonSyntaxError) {
        if peek() == UInt8(ascii: "!") {
            pos += 1
            let c = peek()
            guard c == UInt8(ascii: "r") || c == UInt8(ascii: "s") || c == UInt8(ascii: "a") else {
                throw error(c == UInt8(ascii: "}") || c == UInt8(ascii: ":") ? "f-string: missing conversion character" : "f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = c
            pos += 1
        }
        if peek() == UInt8(ascii: ":") {
            pos += 1
            spec = try formatSpec(quote: quote, triple: triple, raw: raw, depth: depth)
        }
    }

    /// A format spec: literal text with nested replacement fields, up to (not including) `}`.
    mutating func formatSpec(quote: UInt8, triple: Bool, raw: Bool, depth: Int) throws(PythonSyntaxError) -> FStringLayout {
        guard depth < 2 else { throw error("f-string: expressions nested too deeply", kind: .tooDeep) }
        var parts: [FStringLayout.Part] = []
        var literalStart = pos
        while true {
            guard pos < end else { throw error("f-string: expecting '}'") }
            let c = src[pos]
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                throw error("f-string: expecting '}'")
            }
            if c == UInt8(ascii: "}") {
                if pos > literalStart { parts.append(.literal(start: literalStart, end: pos)) }
                return FStringLayout(parts: parts)
            }
            if c == UInt8(ascii: "{") {
                if pos > literalStart { parts.append(.literal(start: literalStart, end: pos)) }
                parts.append(.field(try replacementField(quote: quote, triple: triple, raw: raw, depth: depth + 1)))
                literalStart = pos
                continue
            }
            if c == 0x0A {
                if !triple { throw error("f-string: newlines are not allowed in format specifiers for single quoted f-strings") }
                pos += 1
                newline()
                continue
            }
            if c == UInt8(ascii: "\\") && !raw {
                pos += 1
                if pos < end && src[pos] == UInt8(ascii: "N") && peek(1) == UInt8(ascii: "{") {
                    while pos < end && src[pos] != UInt8(ascii: "}") && src[pos] != 0x0A { pos += 1 }
                    if pos < end && src[pos] == UInt8(ascii: "}") { pos += 1 }
                } else if pos < end && src[pos] != UInt8(ascii: "{") && src[pos] != UInt8(ascii: "}") {
                    pos += 1
                }
                continue
            }
            pos += 1
        }
    }

    /// Skips a string literal nested in a replacement field (any prefix, f-strings included).
    mutating func nestedString(quote: UInt8, depth: Int) throws(PythonSyntaxError) {
        // Look back for a prefix directly before the quote.
        var prefixStart = pos
        while prefixStart > 0, Tokenizer.isIdentifierContinueASCII(src[prefixStart - 1]) { prefixStart -= 1 }
        let flags = prefixStart < pos ? Tokenizer.prefixFlags(src[prefixStart..<pos]) ?? [] : []
        let openedAt = position
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        if flags.contains(.format) || flags.contains(.template) {
            _ = try fstringBody(quote: quote, triple: triple, raw: flags.contains(.raw), openedAt: openedAt, depth: depth + 1)
        } else {
            try plainStringBody(quote: quote, triple: triple, openedAt: openedAt)
        }
    }

    mutating func number() throws(PythonSyntaxError) {
        let start = pos
        func digits(_ isDigit: (UInt8) -> Bool) throws(PythonSyntaxError) {
            // Digits with single underscores between them.
            while pos < end {
                if isDigit(src[pos]) {
                    pos += 1
                } else if src[pos] == UInt8(ascii: "_") && pos + 1 < end && isDigit(src[pos + 1]) {
                    pos += 2
                } else if src[pos] == UInt8(ascii: "_") {
                    pos += 1
                    throw error("invalid decimal literal")
                } else {
                    break
                }
            }
        }
        let isDecimal: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if src[pos] == UInt8(ascii: "0") && pos + 1 < end {
            let radix = src[pos + 1] | 0x20
            if radix == UInt8(ascii: "x") || radix == UInt8(ascii: "o") || radix == UInt8(ascii: "b") {
                pos += 2
                let valid: (UInt8) -> Bool
                let name: String
                switch radix {
                case UInt8(ascii: "x"):
                    valid = { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }
                    name = "hexadecimal"
                case UInt8(ascii: "o"):
                    valid = { $0 >= 0x30 && $0 <= 0x37 }
                    name = "octal"
                default:
                    valid = { $0 == 0x30 || $0 == 0x31 }
                    name = "binary"
                }
                if peek() == UInt8(ascii: "_") { pos += 1 }
                let digitsStart = pos
                while pos < end {
                    if valid(src[pos]) { pos += 1 }
                    else if src[pos] == UInt8(ascii: "_") && pos + 1 < end && valid(src[pos + 1]) { pos += 2 }
                    else { break }
                }
                if pos == digitsStart || (pos < end && (isDecimal(src[pos]) || Tokenizer.isIdentifierContinueASCII(src[pos]) && !isKeywordStart())) {
                    throw error("invalid \(name) literal")
                }
                return
            }
        }
        // Decimal integer, float or imaginary.
        var isFloat = false
        if src[pos] != UInt8(ascii: ".") {
            try digits(isDecimal)
        }
        if peek() == UInt8(ascii: ".") {
            isFloat = true
            pos += 1
            if isDecimal(peek()) { try digits(isDecimal) }
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            let save = pos
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { pos += 1 }
            if isDecimal(peek()) {
                isFloat = true
                try digits(isDecimal)
            } else {
                pos = save
                if !isKeywordStart() { throw error("invalid decimal literal") }
            }
        }
        if peek() | 0x20 == UInt8(ascii: "j") {
            pos += 1
            return
        }
        if !isFloat {
            // `0777` and `00` with other digits: Python 2 octal.
            let text = src[start..<pos].filter { $0 != UInt8(ascii: "_") }
            if text.count > 1, text.first == UInt8(ascii: "0"), text.contains(where: { $0 != UInt8(ascii: "0") }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: SourcePosition(line: line, column: start - lineStart), kind: .python2)
            }
            if peek() | 0x20 == UInt8(ascii: "l") && !Tokenizer.isIdentifierContinueASCII(peek(1)) {
                throw error("invalid decimal literal (Python 2 long suffix)", kind: .python2)
            }
        }
        if pos < end, Tokenizer.isIdentifierStartASCII(src[pos]) || src[pos] >= 0x80, !isKeywordStart() {
            throw error("invalid decimal literal")
        }
    }

    /// Whether a keyword that may directly follow a number (`1if x else 2`, `0x1for`) starts here.
    func isKeywordStart() -> Bool {
        for word in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            let bytes = Array(word.utf8)
            if pos + bytes.count <= end, Array(src[pos..<(pos + bytes.count)]) == bytes { return true }
        }
        return false
    }

    mutating func operatorToken(start: Int, startPosition: SourcePosition) throws(PythonSyntaxError) {
        let c = src[pos], c1 = peek(1), c2 = peek(2)
        var kind: TokenKind
        var length = 1
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            kind = c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace
            guard parens.count < Tokenizer.maxParenthesisLevels else { throw error("too many nested parentheses", kind: .tooDeep) }
            parens.append((c, startPosition))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            kind = c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
            let expected: UInt8 = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : c == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
            guard let (open, openedAt) = parens.last else {
                throw error("unmatched '\(Character(Unicode.Scalar(c)))'")
            }
            guard open == expected else {
                let message = openedAt.line != line
                    ? "closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open)))' on line \(openedAt.line)"
                    : "closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open)))'"
                throw error(message)
            }
            parens.removeLast()
        case UInt8(ascii: ":"): (kind, length) = c1 == UInt8(ascii: "=") ? (.colonEqual, 2) : (.colon, 1)
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semi
        case UInt8(ascii: "+"): (kind, length) = c1 == UInt8(ascii: "=") ? (.plusEqual, 2) : (.plus, 1)
        case UInt8(ascii: "-"):
            if c1 == UInt8(ascii: "=") { (kind, length) = (.minEqual, 2) }
            else if c1 == UInt8(ascii: ">") { (kind, length) = (.rarrow, 2) }
            else { kind = .minus }
        case UInt8(ascii: "*"):
            if c1 == UInt8(ascii: "*") { (kind, length) = c2 == UInt8(ascii: "=") ? (.doubleStarEqual, 3) : (.doubleStar, 2) }
            else { (kind, length) = c1 == UInt8(ascii: "=") ? (.starEqual, 2) : (.star, 1) }
        case UInt8(ascii: "/"):
            if c1 == UInt8(ascii: "/") { (kind, length) = c2 == UInt8(ascii: "=") ? (.doubleSlashEqual, 3) : (.doubleSlash, 2) }
            else { (kind, length) = c1 == UInt8(ascii: "=") ? (.slashEqual, 2) : (.slash, 1) }
        case UInt8(ascii: "|"): (kind, length) = c1 == UInt8(ascii: "=") ? (.vbarEqual, 2) : (.vbar, 1)
        case UInt8(ascii: "&"): (kind, length) = c1 == UInt8(ascii: "=") ? (.amperEqual, 2) : (.amper, 1)
        case UInt8(ascii: "<"):
            if c1 == UInt8(ascii: "<") { (kind, length) = c2 == UInt8(ascii: "=") ? (.leftShiftEqual, 3) : (.leftShift, 2) }
            else if c1 == UInt8(ascii: "=") { (kind, length) = (.lessEqual, 2) }
            else if c1 == UInt8(ascii: ">") {
                throw error("invalid syntax: '<>' is Python 2's '!='", kind: .python2)
            } else { kind = .less }
        case UInt8(ascii: ">"):
            if c1 == UInt8(ascii: ">") { (kind, length) = c2 == UInt8(ascii: "=") ? (.rightShiftEqual, 3) : (.rightShift, 2) }
            else { (kind, length) = c1 == UInt8(ascii: "=") ? (.greaterEqual, 2) : (.greater, 1) }
        case UInt8(ascii: "="): (kind, length) = c1 == UInt8(ascii: "=") ? (.eqEqual, 2) : (.equal, 1)
        case UInt8(ascii: "!"): (kind, length) = c1 == UInt8(ascii: "=") ? (.notEqual, 2) : (.exclamation, 1)
        case UInt8(ascii: "%"): (kind, length) = c1 == UInt8(ascii: "=") ? (.percentEqual, 2) : (.percent, 1)
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "^"): (kind, length) = c1 == UInt8(ascii: "=") ? (.circumflexEqual, 2) : (.circumflex, 1)
        case UInt8(ascii: "@"): (kind, length) = c1 == UInt8(ascii: "=") ? (.atEqual, 2) : (.at, 1)
        case UInt8(ascii: "`"):
            throw error("invalid syntax: backticks are Python 2's repr()", kind: .python2)
        case UInt8(ascii: "$"), UInt8(ascii: "?"):
            throw error("invalid syntax")
        default:
            if c < 0x20 && c != 0x09 && c != 0x0C {
                throw error(c == 0 ? "source code cannot contain null bytes" : "invalid non-printable character U+\(String(format: "%04X", c))")
            }
            throw error("invalid character '\(Character(Unicode.Scalar(c)))' (U+\(String(c, radix: 16, uppercase: true)))")
        }
        pos += length
        emit(kind, from: start, startPosition)
    }
}
