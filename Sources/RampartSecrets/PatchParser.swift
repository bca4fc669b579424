import RampartCore
/// Reads `git log -p -U0` / `git diff -U0` output incrementally and yields, per commit and file,
/// the lines the change added, with their line numbers in the new version of the file.
///
/// Commits are introduced by a header line that starts with `PatchParser.commitMarker` (the
/// `--format` of the history scan); a plain `git diff` has none.
struct PatchParser {
    /// The added lines of one file in one commit, joined with `\n`.
    struct FileChange: Sendable {
        var commit: Int
        var commitSHA: String?
        var path: String
        var text: [UInt8] = []
        /// Line of the new file for each line of `text`.
        var lines: [Int32] = []
        var truncated = false
    }

    static let commitMarker: [UInt8] = Array("\u{1}rampart-commit ".utf8)
    /// Added text kept per file and commit; the rest is reported as skipped.
    static let maxChangeBytes = 16 << 20

    private(set) var commits: [[UInt8]] = []
    private var current: FileChange?
    private var nextLine = 0
    private var inHunk = false
    private var pending: [UInt8] = []
    let emit: (FileChange) -> Void

    init(emit: @escaping (FileChange) -> Void) {
        self.emit = emit
    }

    /// Feeds a chunk of output; complete lines are processed, the rest waits for the next chunk.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<chunk.count where chunk[index] == 0x0A {
            if pending.isEmpty {
                line(UnsafeBufferPointer(rebasing: chunk[start..<index]))
            } else {
                pending += chunk[start..<index]
                let whole = pending
                pending.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { line($0) }
            }
            start = index + 1
        }
        if start < chunk.count {
            // A line longer than the cap is cut: its tail cannot be part of a kept change anyway.
            if pending.count < Self.maxChangeBytes { pending += chunk[start...] }
        }
    }

    mutating func finish() {
        if !pending.isEmpty {
            let whole = pending
            pending.removeAll()
            whole.withUnsafeBufferPointer { line($0) }
        }
        flush()
    }

    private mutating func flush() {
        if let change = current, !change.text.isEmpty { emit(change) }
        current = nil
        inHunk = false
    }

    private static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let p = prefix.utf8Start
        for i in 0..<count where line[i] != p[i] { return false }
        return true
    }

    private mutating func line(_ line: UnsafeBufferPointer<UInt8>) {
        if inHunk, let first = line.first {
            switch first {
            case UInt8(ascii: "+"):
                addLine(UnsafeBufferPointer(rebasing: line[1...]))
                return
            case UInt8(ascii: "-"), UInt8(ascii: " "):
                if first == UInt8(ascii: " ") { nextLine += 1 }
                return
            case UInt8(ascii: "\\"):
                return  // "\ No newline at end of file"
            default:
                break
            }
        }
        if line.starts(with: Self.commitMarker) {
            flush()
            commits.append(Array(line[Self.commitMarker.count...]))
        } else if Self.hasPrefix(line, "diff --git ") {
            flush()
        } else if Self.hasPrefix(line, "+++ ") {
            flush()
            let raw = Array(line[4...])
            if raw == Array("/dev/null".utf8) { return }
            var path = Self.unquote(raw)
            if path.starts(with: Array("b/".utf8)) { path.removeFirst(2) }
            let sha = commits.last.map { header in String(decoding: header.prefix { $0 != 0 }, as: UTF8.self) }
            current = FileChange(commit: max(0, commits.count - 1), commitSHA: sha, path: PathBytes.decode(path))
        } else if Self.hasPrefix(line, "@@ ") {
            inHunk = current != nil
            nextLine = Self.newStart(line) ?? 1
        }
    }

    private mutating func addLine(_ text: UnsafeBufferPointer<UInt8>) {
        guard current != nil else { return }
        defer { nextLine += 1 }
        guard current!.text.count + text.count < Self.maxChangeBytes else {
            current!.truncated = true
            return
        }
        if !current!.text.isEmpty { current!.text.append(0x0A) }
        current!.text += text
        current!.lines.append(Int32(clamping: nextLine))
    }

    /// `@@ -a,b +c,d @@` → c.
    static func newStart(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return nil }
        var value = 0
        var index = plus + 1
        var digits = 0
        while index < line.count, line[index] >= 0x30, line[index] <= 0x39, digits < 10 {
            value = value * 10 + Int(line[index] - 0x30)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Git's C-style quoting of unusual paths (`"a\tb"`, `\a\b\v\f\r`, octal escapes for
    /// bytes), read back to the exact name.
    static func unquote(_ raw: [UInt8]) -> [UInt8] {
        guard raw.count >= 2, raw.first == UInt8(ascii: "\""), raw.last == UInt8(ascii: "\"") else { return raw }
        var out: [UInt8] = []
        var i = 1
        while i < raw.count - 1 {
            let c = raw[i]
            if c == UInt8(ascii: "\\"), i + 1 < raw.count - 1 {
                let n = raw[i + 1]
                switch n {
                case UInt8(ascii: "n"): out.append(0x0A); i += 2
                case UInt8(ascii: "t"): out.append(0x09); i += 2
                case UInt8(ascii: "a"): out.append(0x07); i += 2
                case UInt8(ascii: "b"): out.append(0x08); i += 2
                case UInt8(ascii: "v"): out.append(0x0B); i += 2
                case UInt8(ascii: "f"): out.append(0x0C); i += 2
                case UInt8(ascii: "r"): out.append(0x0D); i += 2
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(n); i += 2
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = 0
                    var j = i + 1
                    while j < raw.count - 1, j < i + 4, raw[j] >= 0x30, raw[j] <= 0x37 {
                        value = value * 8 + Int(raw[j] - 0x30)
                        j += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                    i = j
                default: out.append(n); i += 2
                }
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
