/// Where the pieces of an f-string (or t-string) are, found by the tokenizer so the parser can
/// build `JoinedStr` without scanning the text again.
public final class FStringLayout: Sendable {
    public enum Part: Sendable {
        /// Literal text, `start..<end` in the source, with `{{` and `}}` still doubled.
        case literal(start: Int, end: Int)
        case field(Field)
    }

    /// One `{expression=!conversion:spec}` replacement field.
    public struct Field: Sendable {
        /// The expression, `start..<end` in the source.
        public var expressionStart: Int
        public var expressionEnd: Int
        /// For `{x=}`: the text from after `{` up to and including `=` and the spaces after it.
        public var debugEnd: Int?
        /// `r`, `s` or `a` after `!`.
        public var conversion: UInt8?
        public var formatSpec: FStringLayout?
        /// The offset of the closing `}`.
        public var closeBrace: Int
    }

    public let parts: [Part]

    init(parts: [Part]) {
        self.parts = parts
    }
}
