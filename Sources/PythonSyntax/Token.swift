/// The kinds of token the tokenizer produces. Keywords get their own kinds; soft keywords
/// (`match`, `case`, `type`, `_`) stay names and the parser decides.
public enum TokenKind: UInt8, Sendable, Hashable {
    case name, number, string, newline, indent, dedent, endMarker
    // Operators and delimiters.
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, plus, minus, star, slash, vbar, amper
    case less, greater, equal, dot, percent, eqEqual, notEqual, lessEqual, greaterEqual, tilde, circumflex
    case leftShift, rightShift, doubleStar, plusEqual, minEqual, starEqual, slashEqual, percentEqual
    case amperEqual, vbarEqual, circumflexEqual, leftShiftEqual, rightShiftEqual, doubleStarEqual
    case doubleSlash, doubleSlashEqual, at, atEqual, rarrow, ellipsis, colonEqual, exclamation
    // Keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue
    case kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport
    case kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile
    case kwWith, kwYield

    /// Whether this is a keyword (`if`, `None`, …), which can never be a name.
    public var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }

    static let keywords: [String: TokenKind] = [
        "False": .kwFalse, "None": .kwNone, "True": .kwTrue, "and": .kwAnd, "as": .kwAs, "assert": .kwAssert,
        "async": .kwAsync, "await": .kwAwait, "break": .kwBreak, "class": .kwClass, "continue": .kwContinue,
        "def": .kwDef, "del": .kwDel, "elif": .kwElif, "else": .kwElse, "except": .kwExcept, "finally": .kwFinally,
        "for": .kwFor, "from": .kwFrom, "global": .kwGlobal, "if": .kwIf, "import": .kwImport, "in": .kwIn,
        "is": .kwIs, "lambda": .kwLambda, "nonlocal": .kwNonlocal, "not": .kwNot, "or": .kwOr, "pass": .kwPass,
        "raise": .kwRaise, "return": .kwReturn, "try": .kwTry, "while": .kwWhile, "with": .kwWith, "yield": .kwYield,
    ]
}

/// A position in source: 1-based line, 0-based column in UTF-8 bytes (as CPython reports them).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }

    public var description: String { "\(line):\(column)" }
}

/// One token: its kind, its byte range in the (UTF-8, LF-normalised) source and its positions.
/// Stored in 32-bit fields: files are at most a few hundred megabytes, and tokens are many.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    private var startOffset: Int32
    private var endOffset: Int32
    private var startLine: Int32
    private var startColumn: Int32
    private var endLine: Int32
    private var endColumn: Int32

    public init(kind: TokenKind, start: Int, end: Int, startPosition: SourcePosition, endPosition: SourcePosition) {
        self.kind = kind
        self.startOffset = Int32(truncatingIfNeeded: start)
        self.endOffset = Int32(truncatingIfNeeded: end)
        self.startLine = Int32(truncatingIfNeeded: startPosition.line)
        self.startColumn = Int32(truncatingIfNeeded: startPosition.column)
        self.endLine = Int32(truncatingIfNeeded: endPosition.line)
        self.endColumn = Int32(truncatingIfNeeded: endPosition.column)
    }

    /// Byte offsets into the source, `start..<end`.
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }
    public var startPosition: SourcePosition { SourcePosition(line: Int(startLine), column: Int(startColumn)) }
    public var endPosition: SourcePosition { SourcePosition(line: Int(endLine), column: Int(endColumn)) }
}

/// A comment, kept for suppression comments (`# nosec`) and tools that read them.
public struct Comment: Sendable, Hashable {
    /// The text from `#` to the end of the line.
    public var text: String
    public var position: SourcePosition
}
