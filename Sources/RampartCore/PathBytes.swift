/// File names are bytes, not always UTF-8. A name that is not valid UTF-8 is still scanned:
/// each byte of an invalid sequence becomes a code point of the private range
/// U+10FF80–U+10FFFF (as Python's `surrogateescape` keeps such bytes), so the name travels as a
/// `String` through the model and is turned back into the same bytes to open the file.
/// Outputs show those bytes escaped (`\xFF`) through `TextEscaping`.
public enum PathBytes {
    static let base: UInt32 = 0x10FF00

    /// The name as a String, invalid bytes kept as private code points.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self), !valid.unicodeScalars.contains(where: isEscapedByte) { return valid }
        var scalars = String.UnicodeScalarView()
        // Decode scalar by scalar; an error covers the bytes the parser consumed for it.
        let buffered = Array(bytes)
        var index = 0
        while index < buffered.count {
            // A new parser each time: a parser keeps the bytes it looked ahead at.
            var parser = Unicode.UTF8.ForwardParser()
            var slice = buffered[index...].makeIterator()
            switch parser.parseScalar(from: &slice) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                // A valid name holding our private code points would be ambiguous: escape its bytes too.
                if isEscapedByte(scalar) {
                    for byte in encoded { scalars.append(escaped(byte)) }
                } else {
                    scalars.append(scalar)
                }
                index += encoded.count
            case .error(let length):
                for byte in buffered[index..<min(buffered.count, index + max(1, length))] { scalars.append(escaped(byte)) }
                index += max(1, length)
            case .emptyInput:
                index = buffered.count
            }
        }
        return String(scalars)
    }

    /// The bytes of a name `decode` made (or of any ordinary String).
    public static func encode(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: isEscapedByte) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isEscapedByte(scalar) {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes += Array(String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Runs `body` with the path's bytes as a C string (for open, stat, opendir).
    public static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        guard path.unicodeScalars.contains(where: isEscapedByte) else { return try path.withCString(body) }
        let bytes = encode(path).map { CChar(bitPattern: $0) } + [0]
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    static func escaped(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(base + UInt32(byte)) ?? "\u{FFFD}"
    }

    /// Whether a code point stands for a raw byte of a name.
    public static func isEscapedByte(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= base + 0x80 && scalar.value <= base + 0xFF
    }
}
