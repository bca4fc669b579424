/// The contents of a scanned file: its bytes, and text decoded from them.
///
/// Invalid UTF-8 is replaced by U+FFFD in `text` (and `isValidUTF8` is false), so scanners never
/// trap on hostile bytes; scanners that need exact bytes read `bytes`.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    public let text: String
    public let isValidUTF8: Bool

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let decoded = String(validating: bytes, as: UTF8.self)
        self.isValidUTF8 = decoded != nil
        self.text = decoded ?? String(decoding: bytes, as: UTF8.self)
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The text split into lines without their line ends; `\n`, `\r\n` and `\r` all end a line.
    public var lines: [Substring] { SourceText.splitLines(text) }

    public static func splitLines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = start
        while index < text.endIndex {
            let c = text[index]
            if c == "\n" || c == "\r" || c == "\r\n" {
                result.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }
}
