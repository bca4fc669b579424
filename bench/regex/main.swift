// Measures the regular-expression engines a Swift secrets scanner can use, on the same text and
// patterns, in one run: PCRE2 with JIT (RampartRegex), Foundation's NSRegularExpression and
// Swift's Regex. Prints MB/s per engine and the ratio to PCRE2.
//
//   swift run -c release RegexBench [MEGABYTES]
import Foundation
import RampartRegex

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8
let patterns = [
    #"\b(ghp_[0-9A-Za-z]{36})\b"#,
    #"\b((?:AKIA|ASIA)[A-Z2-7]{16})\b"#,
    #"xox[bpe]-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*"#,
    #"(?i)(?:password|secret|token|api[_-]?key)["']?\s*[:=]\s*["']?([^\s"']{10,200})"#,
    #"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY-----"#,
    #"\bsk_live_[0-9a-zA-Z]{24,99}\b"#,
]

// Code-like text with a few planted matches.
var generator = SystemRandomNumberGenerator()
let words = ["def", "return", "self", "value", "config", "password", "token", "api_key", "result", "import", "os", "environ", "None", "True", "x", "data", "items"]
var text = ""
text.reserveCapacity(megabytes << 20)
var line = 0
while text.utf8.count < megabytes << 20 {
    line += 1
    if line % 5000 == 0 { text += "GITHUB_TOKEN = \"ghp_" + String((0..<36).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEF0123456789".randomElement(using: &generator)! }) + "\"\n" }
    text += (0..<8).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + " = \"" + String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36) + "\"\n"
}
let bytes = Array(text.utf8)
let size = Double(bytes.count) / 1_048_576

func time(_ body: () -> Int) -> (seconds: Double, matches: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let matches = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, matches)
}

let pcre = time {
    var total = 0
    for pattern in patterns {
        guard let regex = try? ByteRegex(pattern) else { continue }
        total += bytes.withUnsafeBufferPointer { regex.matches(in: $0, limit: .max).count }
    }
    return total
}
let foundation = time {
    var total = 0
    let ns = text as NSString
    for pattern in patterns {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
        total += regex.numberOfMatches(in: text, range: NSRange(location: 0, length: ns.length))
    }
    return total
}
let swiftRegex = time {
    var total = 0
    for pattern in patterns {
        guard let regex = try? Regex(pattern) else { continue }
        total += text.matches(of: regex).count
    }
    return total
}
print(String(format: "%.1f MB of code-like text, %d patterns", size, patterns.count))
for (name, result) in [("PCRE2 + JIT (RampartRegex)", pcre), ("NSRegularExpression", foundation), ("Swift Regex", swiftRegex)] {
    print(String(format: "%-28@ %8.3f s %9.1f MB/s %7d matches %8.1fx PCRE2's time", name as NSString, result.seconds, size * Double(patterns.count) / result.seconds, result.matches, result.seconds / pcre.seconds))
}
