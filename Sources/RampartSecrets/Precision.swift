import Foundation

/// The checks that keep the secrets scan quiet: entropy, placeholders and example values, and
/// the paths where a hit is probably a fixture.
enum Precision {
    /// Shannon entropy in bits per byte.
    static func entropy(_ bytes: some Collection<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        var result = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            result -= p * log2(p)
        }
        return result
    }

    /// Words that mark documentation and sample values, lower-cased.
    static let placeholderWords = [
        "example", "sample", "dummy", "placeholder", "changeme", "change_me", "change-me", "your_", "your-", "yourkey",
        "insert", "redacted", "replace", "fake", "notreal", "not_real", "todo", "xxxxx", "*****", "....", "<", ">",
        "${", "{{", "}}", "%(", "$(", "env(", "environ", "getenv", "process.env", "secrets.", "vault:",
    ]

    /// Documented example keys of providers, which must never be reported.
    static let documentedExamples: Set<String> = [
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        // Azurite's well-known development storage key.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        // Stripe's documentation keys.
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
    ]

    /// The jwt.io sample token's signature.
    static let jwtIOSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

    /// Whether a candidate is a placeholder, a template, a repetition or a documented example.
    static func isPlaceholder(_ secret: String) -> Bool {
        if documentedExamples.contains(secret) || secret.hasSuffix("EXAMPLE") || secret.hasSuffix("EXAMPLEKEY") { return true }
        // Byte searches: Foundation's `contains` is far too slow for the number of candidates a
        // hostile line of decoys makes.
        let bytes = Array(secret.utf8)
        if contains(bytes, jwtIOSignatureBytes) { return true }
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for word in placeholderWordBytes where contains(lower, word) { return true }
        // One repeated character, or a short pattern repeated (abcabcabc, 0000…).
        if let first = bytes.first, bytes.allSatisfy({ $0 == first }) { return true }
        if hasRepeatingPeriod(bytes) { return true }
        if isSequential(bytes) { return true }
        return false
    }

    static let placeholderWordBytes = placeholderWords.map { Array($0.lowercased().utf8) }
    static let jwtIOSignatureBytes = Array(jwtIOSignature.utf8)

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// `abcabcabcabc`: the whole value is a pattern of at most 4 bytes repeated.
    static func hasRepeatingPeriod(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        for period in 1...4 where bytes.count % period == 0 || bytes.count > period * 3 {
            var repeats = true
            for i in period..<bytes.count where bytes[i] != bytes[i - period] {
                repeats = false
                break
            }
            if repeats { return true }
        }
        return false
    }

    /// A run of at least 8 consecutive ascending characters taking up most of the value (`123456789`, `abcdefgh`).
    static func isSequential(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        var longest = 1, run = 1
        for i in 1..<bytes.count {
            run = bytes[i] == bytes[i - 1] &+ 1 ? run + 1 : 1
            longest = max(longest, run)
        }
        return longest >= 8 && longest * 2 >= bytes.count
    }

    /// Paths of tests, fixtures and documentation: a hit there is often a sample, so its
    /// confidence is lowered (it is still reported).
    static func isTestOrDocumentation(_ path: String) -> Bool {
        let lower = path.lowercased()
        let parts = lower.split(separator: "/")
        for part in parts.dropLast() {
            switch part {
            case "test", "tests", "testing", "spec", "specs", "fixtures", "fixture", "testdata", "__tests__", "mocks", "docs", "doc", "examples", "example", "samples":
                return true
            default:
                continue
            }
        }
        let name = parts.last.map(String.init) ?? lower
        return name.hasPrefix("test_") || name.hasSuffix("_test.py") || name.hasSuffix("_test.go") || name.contains(".test.")
            || name.contains(".spec.") || name.contains("example") || name.contains("sample") || name.contains("fixture")
            || name.contains("mock") || name.hasSuffix(".md") || name.hasSuffix(".rst") || name.hasSuffix(".adoc")
    }
}
