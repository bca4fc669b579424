/// The Python version whose grammar the parser accepts. Later versions accept more.
public enum PythonVersion: Int, Sendable, Comparable, CaseIterable {
    case v3_11 = 11, v3_12 = 12, v3_13 = 13, v3_14 = 14

    public static func < (a: PythonVersion, b: PythonVersion) -> Bool { a.rawValue < b.rawValue }
}

/// A parsed file: the tree and its comments.
public struct ParsedModule: Sendable {
    public var module: Module
    public var comments: [Comment]
    /// The decoded source the tree's positions refer to (UTF-8, LF line ends).
    public var source: [UInt8] = []
}

/// A recursive-descent parser for the full Python 3 grammar, producing the same tree as
/// CPython's `ast.parse`. Nesting is bounded (like CPython's limits), so hostile input ends in a
/// `PythonSyntaxError`, never a stack overflow.
public struct Parser {
    /// Nested expressions (lambdas, conditionals, brackets) the parser follows before giving up.
    public static let maxDepth = 2000
    /// How deep a tree may grow through chains (`a+a+…`, `-(-(…))`, `a.b.c…`): CPython stops at
    /// about 3,000 levels ("maximum recursion depth exceeded during ast construction").
    public static let maxTreeDepth = 3000

    let src: [UInt8]
    var tokens: [Token]
    let fstrings: [Int: FStringLayout]
    let version: PythonVersion
    /// Accepts positional arguments after keyword arguments (Semgrep patterns write
    /// `f(..., shell=True, ...)`); the source order is kept in the spans.
    var lenientArguments = false
    var i = 0
    var depth = 0
    /// The last offset `position(ofOffset:)` resolved: an f-string's fields are resolved in
    /// order, so each scan continues from the previous field instead of the token's start
    /// (a 5 MB f-string of 100,000 fields stays linear).
    let offsetCursor = OffsetCursor()

    final class OffsetCursor {
        var offset = -1
        var line = 0
        var lineStart = 0
    }

    /// Parses a module from file bytes (any PEP 263 encoding, BOM, CRLF).
    public static func parse(_ bytes: [UInt8], version: PythonVersion = .v3_14, lenientArguments: Bool = false) throws(PythonSyntaxError) -> ParsedModule {
        let source = try SourceDecoder.decode(bytes)
        return try parse(normalizedUTF8: source, version: version, lenientArguments: lenientArguments)
    }

    public static func parse(_ text: String, version: PythonVersion = .v3_14) throws(PythonSyntaxError) -> ParsedModule {
        try parse(Array(text.utf8), version: version)
    }

    /// Parses already decoded source (UTF-8, LF line ends).
    public static func parse(normalizedUTF8 source: [UInt8], version: PythonVersion, lenientArguments: Bool = false) throws(PythonSyntaxError) -> ParsedModule {
        // Offsets are kept in 32 bits.
        guard source.count < Int(Int32.max) else {
            throw PythonSyntaxError(.tooDeep, "file too large to parse (over 2 GiB)", at: SourcePosition(line: 1, column: 0))
        }
        let output = try Tokenizer.tokenize(source, nestedQuotes: version >= .v3_12)
        var parser = Parser(src: source, tokens: output.tokens, fstrings: output.fstrings, version: version)
        parser.lenientArguments = lenientArguments
        let body = try parser.file()
        return ParsedModule(module: Module(body: body, typeIgnores: []), comments: output.comments, source: source)
    }

    init(src: [UInt8], tokens: [Token], fstrings: [Int: FStringLayout], version: PythonVersion) {
        self.src = src
        self.tokens = tokens
        self.fstrings = fstrings
        self.version = version
    }

    // MARK: Token helpers

    @inline(__always) var tok: Token { tokens[i] }
    @inline(__always) var kind: TokenKind { tokens[i].kind }
    @inline(__always) func peekKind(_ n: Int = 1) -> TokenKind {
        i + n < tokens.count ? tokens[i + n].kind : .endMarker
    }
    @inline(__always) func at(_ k: TokenKind) -> Bool { tokens[i].kind == k }

    @discardableResult
    @inline(__always) mutating func advance() -> Token {
        let t = tokens[i]
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    @inline(__always) mutating func accept(_ k: TokenKind) -> Bool {
        if tokens[i].kind == k {
            advance()
            return true
        }
        return false
    }

    mutating func expect(_ k: TokenKind, _ what: String) throws(PythonSyntaxError) -> Token {
        guard tokens[i].kind == k else { throw unexpected(expected: what) }
        return advance()
    }

    /// The end of the last token consumed.
    var lastEnd: SourcePosition { tokens[max(0, i - 1)].endPosition }
    var start: SourcePosition { tokens[i].startPosition }

    func text(_ t: Token) -> String { String(decoding: src[t.start..<t.end], as: UTF8.self) }

    func isName(_ t: Token, _ word: String) -> Bool {
        guard t.kind == .name, t.end - t.start == word.utf8.count else { return false }
        var k = t.start
        for byte in word.utf8 {
            if src[k] != byte { return false }
            k += 1
        }
        return true
    }

    func error(_ message: String, at position: SourcePosition? = nil, kind: PythonSyntaxError.Kind = .syntax) -> PythonSyntaxError {
        PythonSyntaxError(kind, message, at: position ?? tok.startPosition)
    }

    func unexpected(expected: String? = nil) -> PythonSyntaxError {
        let t = tok
        switch t.kind {
        case .endMarker: return error("unexpected EOF while parsing")
        case .indent: return error("unexpected indent", kind: .indentation)
        case .dedent: return error("unindent does not match any outer indentation level", kind: .indentation)
        case .newline: return error(expected.map { "invalid syntax (expected \($0))" } ?? "invalid syntax")
        default: return error(expected.map { "invalid syntax (expected \($0))" } ?? "invalid syntax")
        }
    }

    mutating func enter() throws(PythonSyntaxError) {
        depth += 1
        if depth > Parser.maxDepth { throw error("too many nested expressions", kind: .tooDeep) }
    }

    mutating func leave() { depth -= 1 }

    /// Checks a chain of `length` nested nodes built at the current depth.
    func checkChain(_ length: Int) throws(PythonSyntaxError) {
        if length > 0 && length + depth > Parser.maxTreeDepth {
            throw error("expression too deeply nested (the syntax tree would be over \(Parser.maxTreeDepth) levels)", kind: .tooDeep)
        }
    }

    /// The name of an identifier token, NFKC-normalised as Python does.
    func identifier(_ t: Token) -> String {
        let raw = text(t)
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return raw }
        return raw.precomposedStringWithCompatibilityMapping
    }

    mutating func name(_ what: String = "name") throws(PythonSyntaxError) -> (String, Token) {
        guard at(.name) else { throw unexpected(expected: what) }
        let t = advance()
        return (identifier(t), t)
    }
}

import Foundation
