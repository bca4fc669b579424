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
        guard withdrawn == nil else { return false }
        let candidate = PackageVersion(version)
        for entry in affected ?? [] {
            guard let p = entry.package, p.ecosystem.lowercased() == "pypi", Dependency.normalize(p.name) == package else { continue }
            if let versions = entry.versions, versions.contains(where: { PackageVersion($0) == candidate || $0 == version }) { return true }
            for range in entry.ranges ?? [] where range.type == "ECOSYSTEM" || range.type == "SEMVER" {
                if Self.inRange(candidate, range.events) { return true }
            }
        }
        return false
    }

    /// OSV's algorithm: events sorted by version (`introduced: 0` first), then walked; `limit`
    /// bounds the range from above.
    static func inRange(_ v: PackageVersion, _ events: [Event]) -> Bool {
        func version(_ e: Event) -> PackageVersion? {
            if let x = e.introduced { return x == "0" ? nil : PackageVersion(x) }
            return (e.fixed ?? e.lastAffected ?? e.limit).map(PackageVersion.init)
        }
        let limits = events.compactMap(\.limit).map(PackageVersion.init)
        if !limits.isEmpty, !limits.contains(where: { v < $0 }) { return false }
        let sorted = events.filter { $0.limit == nil }.enumerated().sorted { a, b in
            switch (version(a.element), version(b.element)) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
        var vulnerable = false
        for event in sorted {
            if let introduced = event.introduced {
                if introduced == "0" || PackageVersion(introduced) <= v { vulnerable = true }
            } else if let fixed = event.fixed {
                if PackageVersion(fixed) <= v { vulnerable = false }
            } else if let last = event.lastAffected {
                if PackageVersion(last) < v { vulnerable = false }
            }
        }
        return vulnerable
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
