import Foundation
import RampartCore
import RampartRegex

/// A Python package version (PEP 440), ordered and normalised exactly as the `packaging` library
/// does; strings that are not PEP 440 are kept as legacy versions, which sort below every valid one
/// (what the OSV specification asks of non-conforming versions in advisories).
public enum PackageVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    case pep440(PEP440Version)
    case legacy(String)

    public init(_ text: String) {
        // Advisories repeat the same few thousand version strings endlessly: parse each once.
        if let cached = Self.cache.withLock({ $0[text] }) {
            self = cached
            return
        }
        if let version = PEP440Version(text) { self = .pep440(version) } else { self = .legacy(text) }
        let parsed = self
        Self.cache.withLock { cache in
            if cache.count > 200_000 { cache.removeAll() }
            cache[text] = parsed
        }
    }

    private static let cache = Locked<[String: PackageVersion]>([:])

    public var description: String {
        switch self {
        case .pep440(let v): v.description
        case .legacy(let s): s
        }
    }

    /// A string equal for equal versions (`2.2` and `2.2.0`): the normal form without trailing
    /// release zeros; a legacy version as written.
    public var canonical: String {
        switch self {
        case .pep440(let v):
            let trimmed = v.trimmedRelease
            return PEP440Version(epoch: v.epoch, release: trimmed.isEmpty ? [.zero] : trimmed, pre: v.pre, post: v.post, dev: v.dev, local: v.local).description
        case .legacy(let s): return s
        }
    }

    public static func < (a: PackageVersion, b: PackageVersion) -> Bool {
        switch (a, b) {
        case (.legacy(let x), .legacy(let y)): x < y
        case (.legacy, .pep440): true
        case (.pep440, .legacy): false
        case (.pep440(let x), .pep440(let y)): x < y
        }
    }
}

/// A PEP 440 version: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
public struct PEP440Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let epoch: Number
    public let release: [Number]
    /// `a`, `b` or `rc`, and its number.
    public let pre: (letter: String, number: Number)?
    public let post: Number?
    public let dev: Number?
    /// Lower-cased parts of the local version label.
    public let local: [String]?

    /// A non-negative integer of any size, kept as its digits without leading zeros.
    public struct Number: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let digits: String
        public init(_ text: some StringProtocol) {
            let trimmed = text.drop { $0 == "0" }
            digits = trimmed.isEmpty ? "0" : String(trimmed)
        }
        public static let zero = Number("0")
        public var description: String { digits }
        public var isZero: Bool { digits == "0" }
        public static func < (a: Number, b: Number) -> Bool {
            a.digits.count != b.digits.count ? a.digits.count < b.digits.count : a.digits < b.digits
        }
    }

    // PEP 440's own regular expression (Appendix B), as `packaging` uses it.
    static let pattern: ByteRegex? = try? ByteRegex(#"""
    ^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$
    """#.trimmingCharacters(in: .whitespacesAndNewlines), options: .caseInsensitive)
    static let groups: [String: Int] = {
        guard let pattern else { return [:] }
        var map: [String: Int] = [:]
        for name in ["epoch", "release", "pre", "pre_l", "pre_n", "post", "post_n1", "post_l", "post_n2", "dev", "dev_l", "dev_n", "local"] {
            if let index = pattern.groupIndex(named: name) { map[name] = index }
        }
        return map
    }()

    public init?(_ text: String) {
        guard text.utf8.count <= 1024, let pattern = Self.pattern else { return nil }
        let bytes = Array(text.utf8)
        guard let match = bytes.withUnsafeBufferPointer({ pattern.firstMatch(in: $0) }) else { return nil }
        func group(_ name: String) -> String? {
            guard let index = Self.groups[name], let range = match.group(index) else { return nil }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        epoch = group("epoch").map(Number.init) ?? .zero
        release = (group("release") ?? "0").split(separator: ".").map(Number.init)
        if let letter = group("pre_l")?.lowercased() {
            let normal: String
            switch letter {
            case "alpha", "a": normal = "a"
            case "beta", "b": normal = "b"
            default: normal = "rc"
            }
            pre = (normal, group("pre_n").map(Number.init) ?? .zero)
        } else {
            pre = nil
        }
        if let n = group("post_n1") {
            post = Number(n)
        } else if group("post_l") != nil {
            post = group("post_n2").map(Number.init) ?? .zero
        } else {
            post = nil
        }
        dev = group("dev_l") != nil ? (group("dev_n").map(Number.init) ?? .zero) : nil
        // Numeric parts are numbers (`+01` is `+1`), as `packaging` parses them.
        local = group("local").map { label in
            label.lowercased().split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map { part in
                part.allSatisfy(\.isASCIIDigit) ? Number(part).digits : String(part)
            }
        }
    }

    public var isPrerelease: Bool { pre != nil || dev != nil }
    public var isPostrelease: Bool { post != nil }
    public var isDevrelease: Bool { dev != nil }

    /// The version without its local label.
    public var publicVersion: PEP440Version { PEP440Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: nil) }
    /// Epoch and release only.
    public var baseVersion: PEP440Version { PEP440Version(epoch: epoch, release: release, pre: nil, post: nil, dev: nil, local: nil) }

    init(epoch: Number, release: [Number], pre: (letter: String, number: Number)?, post: Number?, dev: Number?, local: [String]?) {
        self.epoch = epoch
        self.release = release
        self.pre = pre
        self.post = post
        self.dev = dev
        self.local = local
    }

    /// The normal form: `1!2.0rc1.post2.dev3+ubuntu.1`.
    public var description: String {
        var out = epoch.isZero ? "" : "\(epoch)!"
        out += release.map(\.description).joined(separator: ".")
        if let pre { out += pre.letter + pre.number.description }
        if let post { out += ".post\(post)" }
        if let dev { out += ".dev\(dev)" }
        if let local { out += "+" + local.joined(separator: ".") }
        return out
    }

    // MARK: Ordering (packaging's `_cmpkey`)

    /// Release without trailing zeros: `1.0.0 == 1.0 == 1`.
    var trimmedRelease: [Number] {
        var r = release
        while r.count > 1, r.last?.isZero == true { r.removeLast() }
        if r.count == 1, r[0].isZero { return [] }
        return r
    }

    private enum Bound: Comparable {
        case negative, value(Int, Number), positive
    }

    private var preKey: Bound {
        if pre == nil && post == nil && dev != nil { return .negative }
        guard let pre else { return .positive }
        let rank = pre.letter == "a" ? 0 : pre.letter == "b" ? 1 : 2
        return .value(rank, pre.number)
    }

    private var postKey: Bound { post.map { .value(0, $0) } ?? .negative }
    private var devKey: Bound { dev.map { .value(0, $0) } ?? .positive }

    private static func compareRelease(_ a: [Number], _ b: [Number]) -> Int {
        for i in 0..<max(a.count, b.count) {
            guard i < a.count else { return -1 }
            guard i < b.count else { return 1 }
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        }
        return 0
    }

    /// packaging compares local parts as: numbers above strings, numbers by value, strings
    /// lexicographically, and a shorter label that is a prefix of a longer one first.
    private static func compareLocal(_ a: [String]?, _ b: [String]?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            for i in 0..<max(x.count, y.count) {
                guard i < x.count else { return -1 }
                guard i < y.count else { return 1 }
                let xn = x[i].allSatisfy(\.isASCIIDigit), yn = y[i].allSatisfy(\.isASCIIDigit)
                switch (xn, yn) {
                case (true, true):
                    let p = Number(x[i]), q = Number(y[i])
                    if p != q { return p < q ? -1 : 1 }
                case (true, false): return 1
                case (false, true): return -1
                case (false, false):
                    if x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
                }
            }
            return 0
        }
    }

    static func compare(_ a: PEP440Version, _ b: PEP440Version) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let r = compareRelease(a.trimmedRelease, b.trimmedRelease)
        if r != 0 { return r }
        if a.preKey != b.preKey { return a.preKey < b.preKey ? -1 : 1 }
        if a.postKey != b.postKey { return a.postKey < b.postKey ? -1 : 1 }
        if a.devKey != b.devKey { return a.devKey < b.devKey ? -1 : 1 }
        return compareLocal(a.local, b.local)
    }

    public static func < (a: PEP440Version, b: PEP440Version) -> Bool { compare(a, b) < 0 }
    public static func == (a: PEP440Version, b: PEP440Version) -> Bool { compare(a, b) == 0 }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(epoch)
        hasher.combine(trimmedRelease)
        hasher.combine(pre?.letter)
        hasher.combine(pre?.number)
        hasher.combine(post)
        hasher.combine(dev)
        hasher.combine(local)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
