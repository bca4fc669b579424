import RampartCore
import RampartRegex

/// One secret found in a buffer, before it becomes a finding.
public struct SecretCandidate: Sendable {
    /// Index of the detector in `SecretEngine.detectors`.
    public var detector: Int
    public var secret: String
    /// Byte ranges of the secret and of the whole match in the buffer.
    public var secretRange: Range<Int>
    public var matchRange: Range<Int>
    public var validation: SecretValidation
}

/// What a detector's extra filter sees of a candidate.
public struct SecretContext: Sendable {
    public var secret: String
    /// The whole regular-expression match.
    public var match: String
    /// The line the match starts on (at most a few KB of it), made the first time it is read:
    /// most candidates are judged without it.
    public var line: String { lineText.value }
    public var path: String
    let lineText: LazyText

    public init(secret: String, match: String, line: String, path: String) {
        self.init(secret: secret, match: match, path: path, lineText: LazyText { line })
    }

    init(secret: String, match: String, path: String, lineText: LazyText) {
        self.secret = secret
        self.match = match
        self.path = path
        self.lineText = lineText
    }
}

/// A string made on first use. @unchecked: a context lives only during one synchronous check
/// on one thread, and its maker reads the scanned bytes, which outlive that check.
final class LazyText: @unchecked Sendable {
    private var make: (() -> String)?
    private var made: String?

    init(_ make: @escaping () -> String) { self.make = make }

    var value: String {
        if let made { return made }
        let text = make?() ?? ""
        made = text
        make = nil
        return text
    }
}

/// The compiled detectors and their keyword automaton; built once per scan and shared by all
/// threads.
public final class SecretEngine: Sendable {
    public struct Detector: Sendable {
        public let metadata: RuleMetadata
        public let pattern: SecretPattern
        let regex: ByteRegex
        let secretGroup: Int
        /// Extra acceptance test beyond entropy and placeholders (the generic detector's).
        let accept: (@Sendable (SecretContext) -> Bool)?
        /// A catch-all detector, which yields to specific ones on the same secret.
        var isGeneric: Bool { metadata.tags.contains("generic") }
    }

    public let detectors: [Detector]
    /// Detectors without keywords read whole buffers.
    let unfiltered: [Int]
    /// A test every candidate of every detector must pass (a global allowlist).
    let globalAccept: (@Sendable (SecretContext) -> Bool)?
    let matcher: KeywordMatcher
    /// Keyword index → detectors that use it.
    let detectorsByKeyword: [[Int]]
    /// Bytes of a line around a keyword that a single-line detector reads on each side.
    static let lineWindow = 4096
    /// Bytes after a keyword a multi-line detector reads (a private key block fits easily).
    static let multilineWindow = 64 * 1024
    /// Bytes before a keyword's line a multi-line detector reads (`data:` before `kind: Secret`).
    static let multilineLookBack = 8 * 1024

    /// Compiled expressions by pattern: engines are built per scan (and per rule example in the
    /// tests), and compiling 260 patterns each time costs more than many scans.
    private static let cache = Locked<[String: ByteRegex]>([:])

    static func compiled(_ pattern: String, options: ByteRegex.Options) throws(ByteRegex.CompileError) -> ByteRegex {
        let key = "\(options.rawValue)\u{0}\(pattern)"
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let regex = try ByteRegex(pattern, options: options)
        cache.withLock { $0[key] = regex }
        return regex
    }

    public struct InvalidDetector: Error, CustomStringConvertible {
        public let rule: RuleID
        public let error: ByteRegex.CompileError
        public var description: String { "\(rule): \(error)" }
    }

    public init(
        rules: [(metadata: RuleMetadata, pattern: SecretPattern, accept: (@Sendable (SecretContext) -> Bool)?)],
        globalAccept: (@Sendable (SecretContext) -> Bool)? = nil
    ) throws(InvalidDetector) {
        var detectors: [Detector] = []
        var keywordIndex: [String: Int] = [:]
        var keywords: [String] = []
        var byKeyword: [[Int]] = []
        for rule in rules {
            let regex: ByteRegex
            do {
                regex = try Self.compiled(rule.pattern.regex, options: rule.pattern.caseInsensitive ? [.caseInsensitive] : [])
            } catch {
                throw InvalidDetector(rule: rule.metadata.id, error: error)
            }
            let group = rule.pattern.secretGroup ?? regex.groupIndex(named: "secret") ?? (regex.captureCount >= 1 ? 1 : 0)
            let index = detectors.count
            detectors.append(Detector(metadata: rule.metadata, pattern: rule.pattern, regex: regex, secretGroup: group, accept: rule.accept))
            for keyword in Set(rule.pattern.keywords.map { $0.lowercased() }) where !keyword.isEmpty {
                if let k = keywordIndex[keyword] {
                    byKeyword[k].append(index)
                } else {
                    keywordIndex[keyword] = keywords.count
                    keywords.append(keyword)
                    byKeyword.append([index])
                }
            }
        }
        self.detectors = detectors
        self.unfiltered = detectors.indices.filter { detectors[$0].pattern.keywords.allSatisfy(\.isEmpty) }
        self.globalAccept = globalAccept
        self.matcher = KeywordMatcher(keywords: keywords)
        self.detectorsByKeyword = byKeyword
    }

    /// Every secret in `bytes`, in order of position, each reported once per detector.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> [SecretCandidate] {
        scanReportingLimits(bytes, path: path).candidates
    }

    /// Where a detector's expression gave up (PCRE2's match limit on a pathological stretch):
    /// the region is not fully searched, and a secret there could be missed.
    public struct LimitHit: Sendable, Equatable {
        public var detector: RuleID
        public var offset: Int
    }

    /// `scan`, with the places a detector could not search to the end.
    public func scanReportingLimits(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> (candidates: [SecretCandidate], limitHits: [LimitHit]) {
        var limitHits: [LimitHit] = []
        // 1. Keyword hits → per-detector windows, merged as they come (hits arrive in order).
        var windows = [[Range<Int>]](repeating: [], count: detectors.count)
        var lines = LineBounds(bytes)
        matcher.scan(bytes) { hit in
            let start = hit.end - matcher.keywords[hit.keyword].count
            for detector in detectorsByKeyword[hit.keyword] {
                let multiline = detectors[detector].pattern.multiline
                let lower = multiline ? max(0, lines.start(before: start) - Self.multilineLookBack) : lines.start(before: start)
                let window = lower..<(multiline ? min(bytes.count, hit.end + Self.multilineWindow) : lines.end(after: hit.end))
                if let last = windows[detector].last, window.lowerBound <= last.upperBound {
                    windows[detector][windows[detector].count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
                } else {
                    windows[detector].append(window)
                }
            }
        }
        for index in unfiltered where !bytes.isEmpty { windows[index] = [0..<bytes.count] }
        // 2. The detectors' expressions in their windows.
        var candidates: [SecretCandidate] = []
        for (index, detector) in detectors.enumerated() where !windows[index].isEmpty {
            var seen = Set<Int>()
            for window in windows[index] {
                var start = window.lowerBound
                var found = 0
                // A rejected match (a placeholder, low entropy) does not consume what follows its
                // name: in `password=password="real"` the value is searched again, so a decoy
                // before a secret cannot hide it. Every pass moves forward, so this ends.
                while start < window.upperBound, found < 10_000 {
                    let scan = detector.regex.scan(bytes, range: start..<window.upperBound, limit: 1)
                    limitHits += scan.limitHits.map { LimitHit(detector: detector.metadata.id, offset: $0) }
                    guard !scan.matches.isEmpty else { break }
                    var restart = window.upperBound
                    for match in scan.matches {
                        guard let range = match.group(detector.secretGroup) ?? match.group(0), !range.isEmpty else { continue }
                        if seen.insert(range.lowerBound).inserted,
                           let candidate = check(detector: index, secretRange: range, matchRange: match.range, in: bytes, path: path) {
                            candidates.append(candidate)
                            found += 1
                        } else if range.lowerBound > match.range.lowerBound {
                            restart = range.lowerBound
                            break
                        }
                        restart = max(match.range.upperBound, match.range.lowerBound + 1)
                    }
                    guard restart > start else { break }
                    start = restart
                }
            }
        }
        candidates.sort { ($0.secretRange.lowerBound, $0.detector) < ($1.secretRange.lowerBound, $1.detector) }
        return (withoutGenericDuplicates(candidates), limitHits)
    }

    public func scan(_ bytes: [UInt8], path: String) -> [SecretCandidate] {
        bytes.withUnsafeBufferPointer { scan($0, path: path) }
    }

    /// A secret a specific detector reports is not reported again by a generic one.
    private func withoutGenericDuplicates(_ candidates: [SecretCandidate]) -> [SecretCandidate] {
        let specific = candidates.filter { !detectors[$0.detector].isGeneric }.map(\.secretRange)
        guard !specific.isEmpty else { return candidates }
        return candidates.filter { candidate in
            !detectors[candidate.detector].isGeneric || !specific.contains { $0.overlaps(candidate.secretRange) }
        }
    }

    private func check(detector index: Int, secretRange: Range<Int>, matchRange: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, path: String) -> SecretCandidate? {
        let detector = detectors[index]
        let secretBytes = UnsafeBufferPointer(rebasing: bytes[secretRange])
        if let minimum = detector.pattern.minEntropy, Precision.entropy(secretBytes) < minimum { return nil }
        let secret = String(decoding: secretBytes, as: UTF8.self)
        if detector.pattern.filtersPlaceholders, Precision.isPlaceholder(secret) { return nil }
        if detector.accept != nil || globalAccept != nil {
            let match = String(decoding: UnsafeBufferPointer(rebasing: bytes[matchRange]), as: UTF8.self)
            let context = SecretContext(secret: secret, match: match, path: path, lineText: LazyText {
                var lineStart = matchRange.lowerBound
                while lineStart > 0, bytes[lineStart - 1] != 0x0A, matchRange.lowerBound - lineStart < Self.lineWindow { lineStart -= 1 }
                var lineEnd = matchRange.lowerBound
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, lineEnd - matchRange.lowerBound < Self.lineWindow { lineEnd += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
            })
            if let accept = detector.accept, !accept(context) { return nil }
            if let globalAccept, !globalAccept(context) { return nil }
        }
        let validation = detector.pattern.validate?(secret) ?? .unknown
        if validation == .invalid { return nil }
        return SecretCandidate(detector: index, secret: secret, secretRange: secretRange, matchRange: matchRange, validation: validation)
    }
}

/// Line boundaries around keyword hits, found in one forward pass however many hits share a
/// line (a 200 MB line with a keyword every few bytes stays linear).
struct LineBounds {
    let bytes: UnsafeBufferPointer<UInt8>
    private var cursor = 0
    private var lastNewline = -1
    private var nextNewline = -1
    private var searchedTo = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The start of the line holding `offset`, at most `SecretEngine.lineWindow` bytes back.
    /// Offsets must not decrease from call to call by more than the window.
    mutating func start(before offset: Int) -> Int {
        while cursor < offset {
            if bytes[cursor] == 0x0A { lastNewline = cursor }
            cursor += 1
        }
        return max(lastNewline + 1, offset - SecretEngine.lineWindow, 0)
    }

    /// The end of the line holding `offset`, at most `SecretEngine.lineWindow` bytes on.
    mutating func end(after offset: Int) -> Int {
        let limit = min(bytes.count, offset + SecretEngine.lineWindow)
        if nextNewline >= offset { return min(nextNewline, limit) }
        var index = max(offset, searchedTo)
        while index < limit, bytes[index] != 0x0A { index += 1 }
        searchedTo = index
        if index < limit { nextNewline = index }
        return index
    }
}
