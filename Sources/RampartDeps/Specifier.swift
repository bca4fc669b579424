import RampartCore

/// A PEP 440 version specifier (`>=1.2`, `~=2.0`, `==1.*`, `!=1.3.4`, `===foo`) and sets of them,
/// with `packaging`'s semantics, pre-release handling included.
public struct VersionSpecifier: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case compatible = "~=", equal = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
        case less = "<", greater = ">", arbitrary = "==="
    }

    public let op: Operator
    /// The version text after the operator, trimmed.
    public let text: String
    /// `==1.*` and `!=1.*`.
    public let isWildcard: Bool
    let version: PEP440Version?

    public var description: String { op.rawValue + text }

    public init?(_ raw: some StringProtocol) {
        let trimmed = raw.trimmingWhitespace()
        // Longest operators first.
        let ordered: [Operator] = [.arbitrary, .compatible, .equal, .notEqual, .lessEqual, .greaterEqual, .less, .greater]
        guard let op = ordered.first(where: { trimmed.hasPrefix($0.rawValue) }) else { return nil }
        let text = String(trimmed.dropFirst(op.rawValue.count)).trimmingWhitespace()
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" }) else { return nil }
        self.op = op
        self.text = text
        if op == .arbitrary {
            isWildcard = false
            version = PEP440Version(text)
            return
        }
        isWildcard = text.hasSuffix(".*")
        if isWildcard {
            guard op == .equal || op == .notEqual else { return nil }
            // A wildcard applies to a public release-style prefix: no dev, local or post-wildcards.
            // Only a release (and epoch) takes a wildcard: no pre, post, dev or local parts.
            guard let prefix = PEP440Version(String(text.dropLast(2))), prefix.local == nil, prefix.dev == nil,
                  prefix.post == nil, prefix.pre == nil else { return nil }
            version = prefix
        } else {
            guard let parsed = PEP440Version(text) else { return nil }
            // Local labels only with == and !=; ~= needs at least two release parts.
            if parsed.local != nil && op != .equal && op != .notEqual { return nil }
            if op == .compatible && parsed.release.count < 2 { return nil }
            version = parsed
        }
    }

    /// Whether the specifier names a pre-release, which then admits pre-releases.
    public var admitsPrereleases: Bool {
        switch op {
        case .equal, .greaterEqual, .lessEqual, .compatible, .arbitrary:
            return version?.isPrerelease ?? false
        default:
            return false
        }
    }

    /// `packaging`'s `Specifier.contains` (26.0 and later): one version has no alternatives, so
    /// a pre-release is judged like any version unless `prereleases` is false.
    public func contains(_ candidate: PEP440Version, prereleases: Bool? = nil) -> Bool {
        if candidate.isPrerelease && prereleases == false { return false }
        return matches(candidate)
    }

    /// The operator alone, pre-release policy aside.
    func matches(_ candidate: PEP440Version) -> Bool {
        if op == .arbitrary { return candidate.description.lowercased() == text.lowercased() }
        guard let spec = version else { return false }
        switch op {
        case .compatible:
            // >= spec, and == the release prefix without its last part.
            let prefixRelease = Array(spec.release.dropLast())
            return PEP440Version.compare(candidate.publicVersion, spec) >= 0 && Self.wildcardEqual(candidate, prefix: PEP440Version(epoch: spec.epoch, release: prefixRelease, pre: nil, post: nil, dev: nil, local: nil), preserve: true)
        case .equal:
            return isWildcard ? Self.wildcardEqual(candidate, prefix: spec, preserve: false) : Self.exactEqual(candidate, spec)
        case .notEqual:
            return !(isWildcard ? Self.wildcardEqual(candidate, prefix: spec, preserve: false) : Self.exactEqual(candidate, spec))
        case .lessEqual:
            return PEP440Version.compare(candidate.publicVersion, spec) <= 0
        case .greaterEqual:
            return PEP440Version.compare(candidate.publicVersion, spec) >= 0
        case .less, .greater:
            // `packaging` 26: `<V` and `>V` carve out V's own family (its pre, dev and post
            // releases) only among versions with V's epoch and release. A local label plays no part.
            let c = candidate.local == nil ? candidate : candidate.publicVersion
            let order = PEP440Version.compare(c, spec)
            guard c.epoch == spec.epoch, c.trimmedRelease == spec.trimmedRelease else { return op == .less ? order < 0 : order > 0 }
            if op == .less {
                if spec.pre != nil || spec.dev != nil { return order < 0 }
                return spec.post == nil ? false : order < 0
            }
            if spec.dev != nil || spec.post != nil { return order > 0 }
            return order > 0 && !Self.samePre(c, spec)
        case .arbitrary:
            return false
        }
    }

    static func samePre(_ a: PEP440Version, _ b: PEP440Version) -> Bool {
        switch (a.pre, b.pre) {
        case (nil, nil): true
        case (let x?, let y?): x.letter == y.letter && x.number == y.number
        default: false
        }
    }

    static func exactEqual(_ candidate: PEP440Version, _ spec: PEP440Version) -> Bool {
        // Without a local label in the specifier, the candidate's is ignored.
        let left = spec.local == nil ? candidate.publicVersion : candidate
        return left == spec
    }

    /// `packaging`'s wildcard comparison: both split into parts (`1`, `0`, `rc1`), the candidate
    /// padded with zeros to the prefix's release length, then compared part by part.
    static func wildcardEqual(_ candidate: PEP440Version, prefix: PEP440Version, preserve: Bool) -> Bool {
        let split = parts(prefix)
        var mine = parts(candidate.publicVersion)
        // Pad the release of the candidate with zeros up to the prefix's release length.
        let releaseLength = { (p: [String]) in p.prefix { $0.allSatisfy(\.isASCIIDigit) }.count }
        let missing = releaseLength(split) - releaseLength(mine)
        if missing > 0 { mine.insert(contentsOf: Array(repeating: "0", count: missing), at: releaseLength(mine)) }
        return Array(mine.prefix(split.count)) == split
    }

    /// `1!2.0.0rc1.post1` → ["1", "2", "0", "0", "rc1", "post1"], as `packaging`'s `_version_split`
    /// sees the canonical form (trailing zeros kept).
    static func parts(_ v: PEP440Version) -> [String] {
        var out = [v.epoch.digits]
        out += v.release.map(\.digits)
        if let pre = v.pre { out.append(pre.letter + pre.number.digits) }
        if let post = v.post { out.append("post" + post.digits) }
        if let dev = v.dev { out.append("dev" + dev.digits) }
        return out
    }
}

/// Comma-separated specifiers, all of which must hold (`>=1.0,<2.0,!=1.5.*`).
public struct SpecifierSet: Sendable, Hashable, CustomStringConvertible {
    public let specifiers: [VersionSpecifier]

    public init?(_ text: some StringProtocol) {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if pieces.count == 1 && pieces[0].isEmpty {
            specifiers = []
            return
        }
        var parsed: [VersionSpecifier] = []
        for piece in pieces {
            guard let specifier = VersionSpecifier(piece) else { return nil }
            parsed.append(specifier)
        }
        specifiers = parsed
    }

    public var description: String { specifiers.map(\.description).sorted().joined(separator: ",") }
    public var isEmpty: Bool { specifiers.isEmpty }

    /// `==X` (not a wildcard) or `===X`: the requirement names one version.
    public var pinnedVersion: String? {
        guard specifiers.count == 1, let only = specifiers.first, !only.isWildcard, only.op == .equal || only.op == .arbitrary else { return nil }
        return only.text
    }

    /// `packaging`'s `SpecifierSet.contains` (26.0 and later): a single pre-release matches when
    /// the specifiers hold, unless `prereleases` is false.
    public func contains(_ candidate: PEP440Version, prereleases: Bool? = nil) -> Bool {
        if candidate.isPrerelease && prereleases == false { return false }
        return specifiers.allSatisfy { $0.matches(candidate) }
    }

    /// The versions the set admits, as an installer picks them (PEP 440): pre-releases only when
    /// a specifier names one or no final release matches.
    public func filter(_ versions: [PEP440Version]) -> [PEP440Version] {
        let matching = versions.filter { contains($0) }
        if specifiers.contains(where: { $0.admitsPrereleases }) { return matching }
        let finals = matching.filter { !$0.isPrerelease }
        return finals.isEmpty ? matching : finals
    }
}
