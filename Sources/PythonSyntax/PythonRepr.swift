/// Python's `repr()` of constants, as `ast.dump` prints them.
public enum PythonRepr {
    /// The Unicode version a Python release's `str.isprintable` follows.
    public static func unicodeVersion(of version: PythonVersion) -> (Int, Int) {
        switch version {
        case .v3_11: (14, 0)
        case .v3_12: (15, 0)
        case .v3_13: (15, 1)
        case .v3_14: (16, 0)
        }
    }

    public static func constant(_ value: ConstantValue, unicode: (Int, Int) = (16, 0)) -> String {
        switch value {
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let digits): digits
        case .float(let d): float(d)
        case .complex(let d): float(d, addDotZero: false) + "j"
        case .string(let s): string(s, unicode: unicode)
        case .codePoints(let points): codePoints(points, unicode: unicode)
        case .bytes(let b): bytes(b)
        case .ellipsis: "Ellipsis"
        }
    }

    /// `repr(float)`: the shortest digits that read back, fixed notation for exponents from
    /// -4 to 15 and scientific notation outside, as CPython formats them.
    public static func float(_ value: Double, addDotZero: Bool = true) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return (value.sign == .minus ? "-0" : "0") + (addDotZero ? ".0" : "") }
        // Swift's description gives the shortest round-trip digits; reformat them the Python way.
        var text = "\(abs(value))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = ""
        var pointIndex = text.count
        if let dot = text.firstIndex(of: ".") {
            pointIndex = text.distance(from: text.startIndex, to: dot)
            digits = text.replacingOccurrences(of: ".", with: "")
        } else {
            digits = text
        }
        // Normalise: drop leading zeros (moving the point) and trailing zeros.
        var decpt = pointIndex + exponent
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            decpt -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        if decpt > 16 || decpt < -3 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = decpt - 1
            let expText = (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
            return sign + mantissa + "e" + expText
        }
        if decpt <= 0 {
            return sign + "0." + String(repeating: "0", count: -decpt) + digits
        }
        if decpt >= digits.count {
            return sign + digits + String(repeating: "0", count: decpt - digits.count) + (addDotZero ? ".0" : "")
        }
        let index = digits.index(digits.startIndex, offsetBy: decpt)
        return sign + digits[..<index] + "." + digits[index...]
    }

    /// Lone surrogates (`'\\ud800'`) cannot live in a Swift string; they are kept as scalars of
    /// 2,048 code points of plane 16 (private use) while a literal is read, then as `codePoints`.
    static let surrogateBase: UInt32 = 0x10A000

    public static func surrogateStandIn(_ value: UInt32) -> Unicode.Scalar? {
        Unicode.Scalar(surrogateBase + (value - 0xD800))
    }

    /// `repr(str)`.
    public static func string(_ s: String, unicode: (Int, Int) = (16, 0)) -> String {
        codePoints(s.unicodeScalars.map(\.value), unicode: unicode)
    }

    /// `repr(str)` of a string given as code points (lone surrogates allowed).
    public static func codePoints(_ points: [UInt32], unicode: (Int, Int) = (16, 0)) -> String {
        let hasSingle = points.contains(0x27)
        let hasDouble = points.contains(0x22)
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for point in points {
            guard let scalar = Unicode.Scalar(point) else {
                out.append(contentsOf: hex("\\u", point, 4).unicodeScalars)
                continue
            }
            switch scalar {
            case quote, "\\":
                out.append("\\")
                out.append(scalar)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.append(contentsOf: hex("\\x", scalar.value, 2).unicodeScalars)
                } else if scalar.value < 0x7F || isPrintable(scalar, unicode: unicode) {
                    out.append(scalar)
                } else if scalar.value < 0x100 {
                    out.append(contentsOf: hex("\\x", scalar.value, 2).unicodeScalars)
                } else if scalar.value < 0x10000 {
                    out.append(contentsOf: hex("\\u", scalar.value, 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hex("\\U", scalar.value, 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `repr(bytes)`.
    public static func bytes(_ b: [UInt8]) -> String {
        let hasSingle = b.contains(UInt8(ascii: "'"))
        let hasDouble = b.contains(UInt8(ascii: "\""))
        let quote = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var out = "b" + String(Character(Unicode.Scalar(quote)))
        for byte in b {
            switch byte {
            case quote, UInt8(ascii: "\\"):
                out += "\\" + String(Character(Unicode.Scalar(byte)))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            default:
                if byte < 0x20 || byte >= 0x7F {
                    out += hex("\\x", UInt32(byte), 2)
                } else {
                    out += String(Character(Unicode.Scalar(byte)))
                }
            }
        }
        return out + String(Character(Unicode.Scalar(quote)))
    }

    private static func hex(_ prefix: String, _ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `str.isprintable()` for one character: not a control, format, surrogate, private-use,
    /// unassigned or separator character (the space excepted).
    /// Characters assigned after `unicode` count as unassigned, as in that Python release.
    static func isPrintable(_ scalar: Unicode.Scalar, unicode: (Int, Int)) -> Bool {
        if scalar == " " { return true }
        if let age = scalar.properties.age, age.major > unicode.0 || (age.major == unicode.0 && age.minor > unicode.1) {
            return false
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}

import Foundation
