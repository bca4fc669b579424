/// The contents of a scanned file: its bytes, and text decoded from them.
///
/// Invalid UTF-8 is replaced by U+FFFD in `text` (and `isValidUTF8` is false), so scanners never
/// trap on hostile bytes; scanners that need exact bytes read `bytes`.
public struct SourceText: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The text, decoded on each call (scanners that read bytes never pay for it).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The text split into lines without their line ends; `\n`, `\r\n` and `\r` all end a line.
    public var lines: [Substring] { SourceText.splitLines(text) }

    public static func splitLines(_ text: String) -> [Substring] {
        // Byte-wise: line ends are ASCII, and walking Characters (graphemes) is many times slower.
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                index = next
                start = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { result.append(text[start...]) }
        return result
    }
}
