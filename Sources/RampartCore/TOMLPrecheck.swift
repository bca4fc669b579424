/// A check of TOML text before it reaches the TOML parser (toml++ through TOMLKit), which
/// asserts, and in release builds *assumes*, that a key starts where one may start: fuzzing
/// found table headers such as `[\r`, `[[[x` and `[` followed by a non-ASCII character taking
/// it down. This reads TOML 1.0's structure (keys, table headers, strings, comments, arrays
/// and inline tables) without building values, and refuses, with the line, text where a key
/// does not start as the grammar says, a non-ASCII character outside strings and comments, or
/// a control character other than tab.
public enum TOMLPrecheck {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public static func problem(in text: String) -> Problem? {
        var reader = Reader(bytes: Array(text.utf8))
        return reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// Arrays and inline tables nested in each other: bounded, as recursion must be (toml++
        /// stops at 256; fuzzing found the unbounded first version overflowing the stack).
        var depth = 0
        static let maxDepth = 128

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fail(_ message: String) -> Problem { Problem(line: line, message: message) }

        static func isBare(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
        }

        /// Spaces and tabs; with `newlines`, line ends and comments too.
        mutating func skip(newlines: Bool) -> Problem? {
            while let byte = current {
                if byte == 0x20 || byte == 0x09 { index += 1; continue }
                if byte == 0x23 {
                    while let c = current, c != 0x0A {
                        if (c < 0x20 && c != 0x09 && c != 0x0D) || c == 0x7F { return fail("a control character (0x\(String(c, radix: 16))) in a comment") }
                        index += 1
                    }
                    continue
                }
                if newlines && (byte == 0x0A || byte == 0x0D) {
                    if byte == 0x0A { line += 1 }
                    index += 1
                    continue
                }
                break
            }
            return nil
        }

        mutating func document() -> Problem? {
            while true {
                if let problem = skip(newlines: true) { return problem }
                guard let byte = current else { return nil }
                if byte == 0x5B {
                    index += 1
                    let array = current == 0x5B
                    if array { index += 1 }
                    if let problem = key(until: 0x5D) { return problem }
                    index += 1
                    if array {
                        guard current == 0x5D else { return fail("an array-of-tables header not closed by ]]") }
                        index += 1
                    }
                } else {
                    if let problem = key(until: 0x3D) { return problem }
                    index += 1
                    if let problem = value() { return problem }
                }
                if let problem = skip(newlines: false) { return problem }
                guard current == nil || current == 0x0A || current == 0x0D else { return fail("more after a value or a table header") }
            }
        }

        /// A dotted key, up to `end` (`]` of a header, `=` of a pair), left on `end`.
        mutating func key(until end: UInt8) -> Problem? {
            while true {
                if let problem = skip(newlines: false) { return problem }
                guard let byte = current else { return fail("a key is cut short") }
                if byte == 0x22 || byte == 0x27 {
                    if let problem = string(quote: byte, allowTriple: false) { return problem }
                } else if Self.isBare(byte) {
                    while let c = current, Self.isBare(c) { index += 1 }
                } else {
                    return fail("a key starts with a character TOML does not allow there")
                }
                if let problem = skip(newlines: false) { return problem }
                guard let next = current else { return fail("a key is cut short") }
                if next == 0x2E { index += 1; continue }
                guard next == end else { return fail("a key is followed by a character TOML does not allow there") }
                return nil
            }
        }

        /// A value: a string, an array, an inline table, or a scalar up to its end.
        mutating func value() -> Problem? {
            if let problem = skip(newlines: false) { return problem }
            guard let byte = current else { return fail("a value is missing") }
            if byte == 0x5B || byte == 0x7B {
                guard depth < Self.maxDepth else { return fail("values nested more than \(Self.maxDepth) levels") }
                depth += 1
            }
            defer { if byte == 0x5B || byte == 0x7B { depth -= 1 } }
            switch byte {
            case 0x22, 0x27:
                return string(quote: byte, allowTriple: true)
            case 0x5B:
                index += 1
                while true {
                    if let problem = skip(newlines: true) { return problem }
                    guard let c = current else { return fail("an array is not closed") }
                    if c == 0x5D { index += 1; return nil }
                    if let problem = value() { return problem }
                    if let problem = skip(newlines: true) { return problem }
                    if current == 0x2C { index += 1; continue }
                    guard current == 0x5D else { return fail("an array item is followed by a character TOML does not allow there") }
                }
            case 0x7B:
                index += 1
                if let problem = skip(newlines: false) { return problem }
                if current == 0x7D { index += 1; return nil }
                while true {
                    if let problem = key(until: 0x3D) { return problem }
                    index += 1
                    if let problem = value() { return problem }
                    if let problem = skip(newlines: false) { return problem }
                    if current == 0x2C { index += 1; continue }
                    guard current == 0x7D else { return fail("an inline table is not closed on its line") }
                    index += 1
                    return nil
                }
            default:
                // Numbers, booleans, dates: ASCII letters, digits and a few signs.
                var length = 0
                while let c = current, Self.isBare(c) || c == 0x2B || c == 0x2E || c == 0x3A || (c == 0x20 && length > 0 && index + 1 < bytes.count && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39) {
                    index += 1
                    length += 1
                }
                return length == 0 ? fail("a value starts with a character TOML does not allow there") : nil
            }
        }

        /// A basic (`"`) or literal (`'`) string, single- or multi-line; left after it.
        mutating func string(quote: UInt8, allowTriple: Bool) -> Problem? {
            let triple = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            if triple && !allowTriple { return fail("a multi-line string cannot be a key") }
            index += triple ? 3 : 1
            while let byte = current {
                if byte == 0x0A {
                    guard triple else { return fail("a string runs past the end of its line") }
                    line += 1
                } else if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                    return fail("a control character (0x\(String(byte, radix: 16))) in a string")
                } else if byte == 0x5C && quote == 0x22 {
                    index += 2  // an escape: the next byte never closes the string
                    continue
                } else if byte == quote {
                    if !triple {
                        index += 1
                        return nil
                    }
                    if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                        // Up to two more quotes may belong to the string before the closing three.
                        var end = index + 3
                        while end < bytes.count, bytes[end] == quote, end - index < 5 { end += 1 }
                        index = end
                        return nil
                    }
                }
                index += 1
            }
            return fail(triple ? "a multi-line string is not closed" : "a string is not closed")
        }
    }
}
