import CPCRE2

/// A compiled regular expression (Perl/RE2-style syntax) matched on bytes with PCRE2's JIT.
///
/// Swift's `Regex` and Foundation's `NSRegularExpression` are one to two orders of magnitude
/// slower on large inputs; secret rules and custom Gitleaks rules run through this instead.
/// Matching is bounded: a pattern that backtracks catastrophically on hostile input stops at
/// the match limit and reports no match rather than hanging the scan.
public final class ByteRegex: @unchecked Sendable {
    // @unchecked: the compiled code is immutable after init and PCRE2 allows concurrent matching
    // with it; everything mutable (match data, JIT stack) is created per call.
    private let code: OpaquePointer
    public let pattern: String
    /// Capture groups in the pattern (group 0, the whole match, not counted).
    public let captureCount: Int
    private let context: OpaquePointer?

    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 0x0000_0008)
        public static let dotMatchesNewlines = Options(rawValue: 0x0000_0020)
        public static let multiline = Options(rawValue: 0x0000_0400)
    }

    public struct CompileError: Error, CustomStringConvertible, Sendable {
        public let pattern: String
        public let message: String
        public let offset: Int
        public var description: String { "invalid regular expression at offset \(offset): \(message)" }
    }

    /// One match: byte ranges of the whole match and of each capture group (nil when unset).
    public struct Match: Sendable, Equatable {
        public let range: Range<Int>
        public let groups: [Range<Int>?]

        /// Group `index`, where 0 is the whole match.
        public func group(_ index: Int) -> Range<Int>? {
            index == 0 ? range : (index <= groups.count ? groups[index - 1] : nil)
        }
    }

    /// Steps the matcher may take for one match attempt before giving up.
    public static let matchLimit: UInt32 = 2_000_000

    private static let utf = UInt32(0x0008_0000)
    private static let matchInvalidUTF = UInt32(0x0400_0000)
    private static let jitComplete = UInt32(0x0000_0001)
    private static let infoCaptureCount = UInt32(4)

    public init(_ pattern: String, options: Options = []) throws(CompileError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        // UTF mode tolerant of invalid UTF-8 in subjects: files are bytes, not always text.
        let flags = options.rawValue | Self.utf | Self.matchInvalidUTF
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw CompileError(pattern: pattern, message: Self.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        var count: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, Self.infoCaptureCount, &count)
        captureCount = Int(count)
        // Without JIT (unsupported CPU, say) PCRE2 interprets the same pattern: slower, same results.
        _ = pcre2_jit_compile_8(compiled, Self.jitComplete)
        context = pcre2_match_context_create_8(nil)
        if let context {
            _ = pcre2_set_match_limit_8(context, Self.matchLimit)
            _ = pcre2_set_depth_limit_8(context, 10_000)
        }
    }

    deinit {
        if let context { pcre2_match_context_free_8(context) }
        pcre2_code_free_8(code)
    }

    /// The named groups and their numbers, in name order.
    public var groupNames: [(name: String, index: Int)] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        guard pcre2_pattern_info_8(code, 17, &count) == 0, count > 0,
              pcre2_pattern_info_8(code, 18, &entrySize) == 0,
              pcre2_pattern_info_8(code, 19, &table) == 0, let table else { return [] }
        var out: [(String, Int)] = []
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            out.append((name, number))
        }
        return out
    }

    /// The group number of a named group, or nil.
    public func groupIndex(named name: String) -> Int? {
        let n = name.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { pcre2_substring_number_from_name_8(code, $0.baseAddress) }
        }
        return n > 0 ? Int(n) : nil
    }

    /// Matches, and where the matcher gave up: a hostile input that makes a pattern backtrack
    /// past the match limit is not "no match" but a region not fully searched.
    public struct Scan: Sendable, Equatable {
        public var matches: [Match] = []
        /// Offsets where an attempt hit PCRE2's match, depth or heap limit.
        public var limitHits: [Int] = []
    }

    /// Every non-overlapping match in `subject[range]` (the whole subject by default); anchors
    /// and look-behind see the bytes before `range` too.
    public func matches(in subject: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil, limit: Int = 10_000) -> [Match] {
        scan(subject, range: range, limit: limit).matches
    }

    /// `matches`, reporting limit hits. After a hit the search goes on from the next line (or,
    /// on one long line, the next 4 KiB window), so one pathological stretch does not hide a
    /// match after it.
    public func scan(_ subject: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil, limit: Int = 10_000) -> Scan {
        let range = range ?? 0..<subject.count
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return Scan() }
        let session = MatchSession(code: code, context: context)
        defer { session.close() }
        var result = Scan()
        var start = range.lowerBound
        // While recovering from a limit hit, attempts are confined to a window ending here.
        var windowEnd = range.upperBound
        while start <= range.upperBound, result.matches.count < limit {
            switch session.match(base, length: windowEnd, from: start, groups: captureCount) {
            case .found(let match):
                result.matches.append(match)
                // An empty match moves on by one byte so the loop always ends.
                start = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
            case .none:
                guard windowEnd < range.upperBound else { return result }
                start = windowEnd
                windowEnd = range.upperBound
            case .limitHit:
                result.limitHits.append(start)
                guard result.limitHits.count < 1_000 else { return result }
                // Skip to the next line; on a long line, retry in a bounded window past the start.
                var next = start
                while next < range.upperBound, subject[next] != 0x0A, next - start < Self.recoveryWindow { next += 1 }
                if next < range.upperBound, subject[next] == 0x0A {
                    start = next + 1
                    windowEnd = range.upperBound
                } else {
                    start = min(range.upperBound, start + Self.recoveryWindow / 2)
                    windowEnd = min(range.upperBound, start + Self.recoveryWindow)
                }
                if start >= range.upperBound { return result }
            }
        }
        return result
    }

    /// The window searched past a limit hit on one long line.
    static let recoveryWindow = 4096

    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) -> Match? {
        matches(in: subject, range: range, limit: 1).first
    }

    public func matches(in text: String, limit: Int = 10_000) -> [Match] {
        var text = text
        return text.withUTF8 { matches(in: $0, limit: limit) }
    }

    public func firstMatch(in text: String) -> Match? {
        matches(in: text, limit: 1).first
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// Whether the pattern matches anywhere in the bytes.
    public func matches(_ bytes: some Collection<UInt8>) -> Bool {
        let found = bytes.withContiguousStorageIfAvailable { firstMatch(in: $0) != nil }
        return found ?? Array(bytes).withUnsafeBufferPointer { firstMatch(in: $0) != nil }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[..<Int(n)], as: UTF8.self) : "error \(code)"
    }
}

/// The per-call state of matching: the match data. The match context (limits) is shared: PCRE2
/// only reads it while matching.
private struct MatchSession {
    let code: OpaquePointer
    let data: OpaquePointer?
    let context: OpaquePointer?

    private static let noJIT = UInt32(0x0000_2000)
    private static let jitStackLimit = Int32(-46)

    init(code: OpaquePointer, context: OpaquePointer?) {
        self.code = code
        self.context = context
        data = pcre2_match_data_create_from_pattern_8(code, nil)
    }

    enum Outcome {
        case found(ByteRegex.Match)
        case none
        case limitHit
    }

    /// PCRE2_ERROR_MATCHLIMIT, _DEPTHLIMIT, _HEAPLIMIT.
    private static let limitErrors: Set<Int32> = [-47, -53, -63]

    func match(_ base: UnsafePointer<UInt8>, length: Int, from start: Int, groups: Int) -> Outcome {
        guard let data else { return .limitHit }
        var rc = pcre2_match_8(code, base, length, start, 0, data, context)
        // The JIT's default stack is small; a pattern that outgrows it runs again interpreted.
        if rc == Self.jitStackLimit { rc = pcre2_match_8(code, base, length, start, Self.noJIT, data, context) }
        if Self.limitErrors.contains(rc) { return .limitHit }
        guard rc > 0, let ovector = pcre2_get_ovector_pointer_8(data) else { return .none }
        // size_t imports as Int; PCRE2_UNSET (~0) reads as a negative number.
        let whole = ovector[0]..<max(ovector[0], ovector[1])
        var captured: [Range<Int>?] = []
        captured.reserveCapacity(groups)
        for index in stride(from: 1, through: groups, by: 1) {
            let lower = ovector[2 * index], upper = ovector[2 * index + 1]
            captured.append(index >= Int(rc) || lower < 0 || upper < lower ? nil : lower..<upper)
        }
        return .found(ByteRegex.Match(range: whole, groups: captured))
    }

    func close() {
        if let data { pcre2_match_data_free_8(data) }
    }
}
