/// Why a source file could not be parsed, and where. Positions use 1-based lines and 0-based
/// UTF-8 byte columns, like the AST; `description` shows a 1-based column like CPython's message.
public struct PythonSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The source is not valid UTF-8 (or its declared encoding).
        case encoding
        /// A syntax error.
        case syntax
        /// Indentation that does not line up, or mixes tabs and spaces inconsistently.
        case indentation
        /// The file looks like Python 2 (print statements, `except E, e:`, backticks, `0777`, `<>`).
        case python2
        /// Nesting deeper than the parser allows (like CPython's "too many nested parentheses").
        case tooDeep
    }

    public var kind: Kind
    public var message: String
    public var position: SourcePosition

    public init(_ kind: Kind = .syntax, _ message: String, at position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    public var description: String {
        "\(position.line):\(position.column + 1): \(message)"
    }
}
