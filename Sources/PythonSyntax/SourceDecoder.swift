import Foundation

/// Turns file bytes into the UTF-8 text the tokenizer reads: a BOM is dropped, a PEP 263 coding
/// declaration is honoured, and CRLF and CR line ends become LF, as CPython does before tokenizing.
public enum SourceDecoder {
    public static func decode(_ bytes: [UInt8]) throws(PythonSyntaxError) -> [UInt8] {
        var body = bytes[...]
        var hadBOM = false
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            hadBOM = true
        }
        var utf8: [UInt8]
        let declared = declaredEncoding(body)
        if hadBOM, let declared {
            // With a BOM, CPython accepts only a declaration that normalises to exactly "utf-8".
            let normal = declared.lowercased().replacingOccurrences(of: "_", with: "-")
            guard normal == "utf-8" || normal.hasPrefix("utf-8-") else {
                throw PythonSyntaxError(.encoding, "encoding problem: \(declared) with BOM", at: SourcePosition(line: 1, column: 0))
            }
        }
        if let encoding = declared, !isUTF8Name(encoding) {
            utf8 = try convertToUTF8(Array(body), from: encoding)
        } else {
            utf8 = Array(body)
            if let bad = firstInvalidUTF8(utf8) {
                let line = utf8[..<bad].count { $0 == 0x0A } + 1
                let lineStart = (utf8[..<bad].lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                throw PythonSyntaxError(.encoding, "(unicode error) 'utf-8' codec can't decode byte 0x\(String(utf8[bad], radix: 16)) in position \(bad): invalid start byte", at: SourcePosition(line: line, column: bad - lineStart))
            }
        }
        return normalizeNewlines(utf8)
    }

    /// `\r\n` and `\r` become `\n`.
    static func normalizeNewlines(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// The PEP 263 declaration (`# -*- coding: latin-1 -*-`) on line 1 or 2, if any.
    static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex && lines.count < 2 {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                lines.append(bytes[start..<i])
                if bytes[i] == 0x0D && i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if lines.count < 2 && start < bytes.endIndex { lines.append(bytes[start..<min(bytes.endIndex, start + 400)]) }
        for (index, line) in lines.enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            guard trimmed.hasPrefix("#") else {
                // Only a comment (or blank) first line lets line 2 declare an encoding.
                if index == 0 && !trimmed.isEmpty { return nil }
                continue
            }
            if let range = text.range(of: #"coding[:=][ \t]*([-\w.]+)"#, options: .regularExpression) {
                var value = text[range].dropFirst("coding".count + 1)
                value = value.drop { $0 == " " || $0 == "\t" }
                return String(value)
            }
        }
        return nil
    }

    static func isUTF8Name(_ name: String) -> Bool {
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return n == "utf-8" || n == "utf8" || n.hasPrefix("utf-8-") || n == "utf8-sig" || n == "utf-8-sig"
    }

    /// Converts text in a declared encoding to UTF-8 with the C library's iconv, which knows the
    /// encodings Python does (latin-1, cp1252, koi8-r, euc-jp, shift_jis, …).
    static func convertToUTF8(_ bytes: [UInt8], from encoding: String) throws(PythonSyntaxError) -> [UInt8] {
        let name = encoding.uppercased().replacingOccurrences(of: "_", with: "-")
        let aliases = ["LATIN-1": "ISO-8859-1", "LATIN1": "ISO-8859-1", "ISO-LATIN-1": "ISO-8859-1", "L1": "ISO-8859-1", "CP65001": "UTF-8"]
        let iconvName = aliases[name] ?? name
        let converter = iconv_open("UTF-8", iconvName)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw PythonSyntaxError(.encoding, "unknown encoding: \(encoding)", at: SourcePosition(line: 1, column: 0))
        }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? -1 : outBuffer.count - outLeft
            }
        }
        guard produced >= 0 else {
            throw PythonSyntaxError(.encoding, "source cannot be decoded as \(encoding)", at: SourcePosition(line: 1, column: 0))
        }
        return Array(output[..<produced])
    }

    /// The offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minValue: UInt32 = 0
            var value: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; value = UInt32(b & 0x1F); minValue = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; value = UInt32(b & 0x0F); minValue = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; value = UInt32(b & 0x07); minValue = 0x10000 }
            else { return i }
            guard i + need < n else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = (value << 6) | UInt32(c & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
