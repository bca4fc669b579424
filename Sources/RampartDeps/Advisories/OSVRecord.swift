import Foundation

/// An OSV advisory (https://ossf.github.io/osv-schema/), the fields matching needs.
public struct OSVRecord: Codable, Sendable, Hashable {
    public var id: String
    public var summary: String?
    public var details: String?
    public var aliases: [String]?
    public var modified: String?
    public var published: String?
    public var withdrawn: String?
    public var affected: [Affected]?
    public var severity: [Severity]?
    public var references: [Reference]?
    public var databaseSpecific: DatabaseSpecific?

    enum CodingKeys: String, CodingKey {
        case id, summary, details, aliases, modified, published, withdrawn, affected, severity, references
        case databaseSpecific = "database_specific"
    }

    public struct Affected: Codable, Sendable, Hashable {
        public var package: Package?
        public var ranges: [Range]?
        public var versions: [String]?
    }

    public struct Package: Codable, Sendable, Hashable {
        public var name: String
        public var ecosystem: String
        public var purl: String?
    }

    public struct Range: Codable, Sendable, Hashable {
        public var type: String
        public var events: [Event]
    }

    public struct Event: Codable, Sendable, Hashable {
        public var introduced: String?
        public var fixed: String?
        public var lastAffected: String?
        public var limit: String?

        enum CodingKeys: String, CodingKey {
            case introduced, fixed, limit
            case lastAffected = "last_affected"
        }
    }

    public struct Severity: Codable, Sendable, Hashable {
        public var type: String
        public var score: String
    }

    public struct Reference: Codable, Sendable, Hashable {
        public var type: String?
        public var url: String
    }

    public struct DatabaseSpecific: Codable, Sendable, Hashable {
        public var severity: String?
    }

    /// PyPI entries of this record, by PEP 503 name.
    public var pypiPackages: Set<String> {
        Set((affected ?? []).compactMap { entry in
            guard let package = entry.package, package.ecosystem.lowercased() == "pypi" || package.ecosystem.lowercased().hasPrefix("pypi:") else { return nil }
            return Dependency.normalize(package.name)
        })
    }

    /// Whether `version` of `package` (PEP 503 name) is affected, by OSV's evaluation rules.
    public func affects(_ package: String, version: String) -> Bool {
        CompiledAdvisory(self, package: package).affects(PackageVersion(version), text: version)
    }

    /// The `fixed` versions of this record's ranges for a package.
    public func fixedVersions(_ package: String) -> [String] {
        var out: [String] = []
        for entry in affected ?? [] {
            guard let p = entry.package, Dependency.normalize(p.name) == package else { continue }
            for range in entry.ranges ?? [] where range.type == "ECOSYSTEM" || range.type == "SEMVER" { out += range.events.compactMap(\.fixed) }
        }
        return out
    }
}

/// One advisory's ranges for one package, every version parsed once and events sorted, for
/// evaluating many versions against it. The full record (summary, aliases, severity) is read
/// only when it is needed: for the advisories that do affect a version.
final class CompiledAdvisory: @unchecked Sendable {
    // @unchecked: used by one scan's thread at a time; the lazy members are filled on first use.
    enum Step {
        case introduced(PackageVersion?)  // nil: "0"
        case fixed(PackageVersion)
        case lastAffected(PackageVersion)
    }

    let id: String
    /// The `fixed` versions of the package's ECOSYSTEM ranges.
    let fixedVersions: [String]
    /// Every version the advisory names for the package (events and lists), for `--resolve-ranges`.
    let mentionedVersions: [String]
    private let load: @Sendable () -> OSVRecord?
    /// Listed versions in canonical form (the index stores them so).
    private var listed: Set<String> = []
    /// Range bounds that are not PEP 440 versions (`fixed: "2019-09-12"` is in real data): they
    /// cannot be ordered, so they end nothing and the range stays open (reported, never hidden).
    private(set) var unorderable: [String] = []
    private var ranges: [(steps: [Step], limits: [PackageVersion])] = []

    lazy var record: OSVRecord = load() ?? OSVRecord(id: id)

    /// From a full record.
    convenience init(_ record: OSVRecord, package: String) {
        self.init(entry: AdvisoryIndexEntry(record: record, package: package)) { record }
    }

    /// From the database's index, loading the record on demand.
    init(entry: AdvisoryIndexEntry, load: @escaping @Sendable () -> OSVRecord?) {
        id = entry.id
        self.load = load
        fixedVersions = entry.ranges.flatMap { $0.compactMap(\.fixed) }
        mentionedVersions = entry.versions + entry.ranges.flatMap { events in
            events.compactMap { $0.introduced == "0" ? nil : ($0.introduced ?? $0.fixed ?? $0.lastAffected) }
        }
        guard !entry.withdrawn else { return }
        listed = Set(entry.versions)
        for events in entry.ranges {
            func key(_ e: OSVRecord.Event) -> PackageVersion? {
                if let x = e.introduced { return x == "0" ? nil : PackageVersion(x) }
                return (e.fixed ?? e.lastAffected).map(PackageVersion.init)
            }
            let ordered = events.filter { $0.limit == nil }.enumerated().sorted { a, b in
                switch (key(a.element), key(b.element)) {
                case (nil, nil): return a.offset < b.offset
                case (nil, _): return true
                case (_, nil): return false
                case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
                }
            }.map(\.element)
            var unorderable: [String] = []
            let steps: [Step] = ordered.compactMap { event in
                if let x = event.introduced { return .introduced(x == "0" ? nil : PackageVersion(x)) }
                // A legacy version sorts below every valid one: as a bound it would close the range
                // for every release and hide the advisory.
                if let x = event.fixed ?? event.lastAffected, PEP440Version(x) == nil {
                    unorderable.append(x)
                    return nil
                }
                if let x = event.fixed { return .fixed(PackageVersion(x)) }
                if let x = event.lastAffected { return .lastAffected(PackageVersion(x)) }
                return nil
            }
            let limits = events.compactMap(\.limit)
            unorderable += limits.filter { PEP440Version($0) == nil }
            self.unorderable += unorderable
            ranges.append((steps, limits.filter { PEP440Version($0) != nil }.map(PackageVersion.init)))
        }
    }

    func affects(_ v: PackageVersion, text: String) -> Bool {
        if !listed.isEmpty && (listed.contains(v.canonical) || listed.contains(text)) { return true }
        for range in ranges {
            if !range.limits.isEmpty, !range.limits.contains(where: { v < $0 }) { continue }
            var vulnerable = false
            for step in range.steps {
                switch step {
                case .introduced(let x): if x == nil || x! <= v { vulnerable = true }
                case .fixed(let x): if x <= v { vulnerable = false }
                case .lastAffected(let x): if x < v { vulnerable = false }
                }
            }
            if vulnerable { return true }
        }
        return false
    }
}

/// What matching needs of one advisory for one package: its ECOSYSTEM ranges and listed
/// versions. The database keeps it in a compact text form beside the record.
public struct AdvisoryIndexEntry: Sendable, Hashable {
    public var id: String
    public var withdrawn: Bool
    public var ranges: [[OSVRecord.Event]]
    public var versions: [String]

    init(record: OSVRecord, package: String) {
        id = record.id
        withdrawn = record.withdrawn != nil
        ranges = []
        versions = []
        for entry in record.affected ?? [] {
            guard let p = entry.package, p.ecosystem.lowercased() == "pypi", Dependency.normalize(p.name) == package else { continue }
            versions += (entry.versions ?? []).map { PackageVersion($0).canonical }
            for range in entry.ranges ?? [] where range.type == "ECOSYSTEM" || range.type == "SEMVER" { ranges.append(range.events) }
        }
    }

    init(id: String, withdrawn: Bool, encodedRanges: String, encodedVersions: String) {
        self.id = id
        self.withdrawn = withdrawn
        versions = encodedVersions.isEmpty ? [] : encodedVersions.split(separator: "\n", omittingEmptySubsequences: false).map { Self.unescape($0) }
        ranges = encodedRanges.isEmpty ? [] : encodedRanges.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ").compactMap { token -> OSVRecord.Event? in
                guard token.count >= 2, token.dropFirst().first == "=" else { return nil }
                let value = Self.unescape(token.dropFirst(2))
                switch token.first {
                case "i": return OSVRecord.Event(introduced: value)
                case "f": return OSVRecord.Event(fixed: value)
                case "l": return OSVRecord.Event(lastAffected: value)
                case "m": return OSVRecord.Event(limit: value)
                default: return nil
                }
            }
        }
    }

    /// `i=1.0 f=2.0` per range, one range a line; versions one a line.
    var encodedRanges: String {
        ranges.map { events in
            events.compactMap { e -> String? in
                if let x = e.introduced { return "i=" + Self.escape(x) }
                if let x = e.fixed { return "f=" + Self.escape(x) }
                if let x = e.lastAffected { return "l=" + Self.escape(x) }
                if let x = e.limit { return "m=" + Self.escape(x) }
                return nil
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    var encodedVersions: String { versions.map(Self.escape).joined(separator: "\n") }

    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "%" || $0 == " " || $0 == "\n" }) else { return s }
        return s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        return String(s).replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%20", with: " ").replacingOccurrences(of: "%25", with: "%")
    }
}
