import RampartRegex

/// Compiles a profile's regular expression once at load time, so a mistake is a load error.
enum RampartRegexCheck {
    static func compile(_ pattern: String) throws -> ByteRegex { try ByteRegex(pattern) }
}
