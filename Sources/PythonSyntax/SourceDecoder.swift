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
        if let encoding = declaredEncoding(body), !isUTF8Name(encoding) {
            if hadBOM {
                throw PythonSyntaxError(.encoding, "encoding problem: \(encoding) with BOM", at: SourcePosition(line: 1, column: 0))
            }
            guard let foundationEncoding = foundationEncoding(encoding) else {
                throw PythonSyntaxError(.encoding, "unknown encoding: \(encoding)", at: SourcePosition(line: 1, column: 0))
            }
            guard let text = String(data: Data(body), encoding: foundationEncoding) else {
                throw PythonSyntaxError(.encoding, "source cannot be decoded as \(encoding)", at: SourcePosition(line: 1, column: 0))
            }
            utf8 = Array(text.utf8)
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

    static func foundationEncoding(_ name: String) -> String.Encoding? {
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch n {
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-latin-1", "l1": return .isoLatin1
        case "ascii", "us-ascii": return .ascii
        case "cp1252", "windows-1252": return .windowsCP1252
        case "iso-8859-2", "latin-2", "latin2": return .isoLatin2
        case "cp1251", "windows-1251": return .windowsCP1251
        case "cp1250", "windows-1250": return .windowsCP1250
        case "euc-jp": return .japaneseEUC
        case "shift-jis", "shift_jis", "sjis": return .shiftJIS
        case "utf-16": return .utf16
        default: return nil
        }
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
