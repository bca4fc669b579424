/// GitHub code scanning's `primaryLocationLineHash`, computed as codeql-action does: a rolling
/// hash (multiplier 37, 64-bit wrap-around) over a window of 100 UTF-16 code units starting at
/// each line, spaces and tabs skipped, CR and CRLF read as LF, then `hex:occurrence`.
enum LineHash {
    private static let blockSize = 100
    private static let modulus: UInt64 = 37

    /// The hash of each line (1-based) of `text`.
    static func hashes(of text: String) -> LineHashes {
        var result = LineHashes()
        var window = [UInt64](repeating: 0, count: blockSize)
        var lineNumbers = [Int](repeating: -1, count: blockSize)
        var hash: UInt64 = 0
        var firstMod: UInt64 = 1
        for _ in 0..<blockSize { firstMod = firstMod &* modulus }
        var index = 0
        var lineNumber = 0
        var lineStart = true
        var previousCR = false
        var counts: [UInt64: Int] = [:]

        func output() {
            counts[hash, default: 0] += 1
            result.set(line: lineNumbers[index], hash: hash, occurrence: counts[hash, default: 0])
            lineNumbers[index] = -1
        }
        func update(_ current: UInt64) {
            let begin = window[index]
            window[index] = current
            hash = modulus &* hash &+ current &- firstMod &* begin
            index = (index + 1) % blockSize
        }
        func process(_ character: UInt16) {
            var current = character
            if current == 0x20 || current == 0x09 || (previousCR && current == 0x0A) {
                previousCR = false
                return
            }
            if current == 0x0D {
                current = 0x0A
                previousCR = true
            } else {
                previousCR = false
            }
            if lineNumbers[index] != -1 { output() }
            if lineStart {
                lineStart = false
                lineNumber += 1
                lineNumbers[index] = lineNumber
            }
            if current == 0x0A { lineStart = true }
            update(UInt64(current))
        }

        for unit in text.utf16 { process(unit) }
        process(0xFFFF)
        for _ in 0..<blockSize {
            if lineNumbers[index] != -1 { output() }
            update(0)
        }
        return result
    }
}

/// Each line's hash and occurrence, formatted (`hex:occurrence`) only for the lines asked for.
struct LineHashes: Sendable {
    private var values: [UInt64] = []
    private var occurrences: [Int] = []

    /// How many lines have a hash.
    var count: Int { occurrences.count { $0 > 0 } }

    mutating func set(line: Int, hash: UInt64, occurrence: Int) {
        guard line >= 1 else { return }
        if values.count < line {
            values += Array(repeating: 0, count: line - values.count)
            occurrences += Array(repeating: 0, count: line - occurrences.count)
        }
        values[line - 1] = hash
        occurrences[line - 1] = occurrence
    }

    subscript(line: Int) -> String? {
        guard line >= 1, line <= occurrences.count, occurrences[line - 1] > 0 else { return nil }
        return String(values[line - 1], radix: 16) + ":" + String(occurrences[line - 1])
    }
}
