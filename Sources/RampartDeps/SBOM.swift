import Foundation
import RampartCore

/// A CycloneDX 1.5 JSON software bill of materials of a project's resolved Python components.
public enum CycloneDX {
    public static let specVersion = "1.5"

    /// The document: every pinned component once (by purl), with the hashes its lockfile holds,
    /// the files that pin it, and optionally the vulnerabilities known for it.
    public static func document(
        project: String, dependencies: [Dependency], vulnerabilities: [String: [Vulnerability]]? = nil,
        toolVersion: String, serial: String = UUID().uuidString.lowercased(), timestamp: Date = Date()
    ) -> JSONValue {
        var components: [(purl: String, value: JSONValue)] = []
        // Grouped once by package URL: every file and hash of a component in one pass, not one
        // pass over all dependencies per component.
        struct Entry {
            var name: String
            var version: String
            var purl: String
            var dependency: Dependency
            var files: Set<String> = []
            var hashes: Set<String> = []
        }
        var byPURL: [String: Entry] = [:]
        for dependency in dependencies {
            guard let version = dependency.version else { continue }
            let purl = dependency.purl
            byPURL[purl, default: Entry(name: dependency.normalizedName, version: version, purl: purl, dependency: dependency)].files.insert(dependency.file)
            byPURL[purl]?.hashes.formUnion(dependency.hashes)
        }
        let ordered = byPURL.values.sorted { ($0.name, $0.version, $0.purl) < ($1.name, $1.version, $1.purl) }
        for entry in ordered {
            let dependency = entry.dependency
            let version = entry.version
            let files = entry.files.sorted()
            let hashes = entry.hashes.sorted().compactMap(hash)
            components.append((dependency.purl, .compactObject([
                ("type", .string("library")),
                ("bom-ref", .string(dependency.purl)),
                ("name", .string(dependency.normalizedName)),
                ("version", .string(version)),
                ("purl", .string(dependency.purl)),
                ("hashes", hashes.isEmpty ? nil : .array(hashes)),
                ("properties", .array(files.map { .object([("name", .string("rampart:file")), ("value", .string($0))]) })),
            ])))
        }
        var vulnerabilityEntries: [JSONValue] = []
        if let vulnerabilities {
            for (purl, found) in vulnerabilities.sorted(by: { $0.key < $1.key }) {
                for vulnerability in found {
                    vulnerabilityEntries.append(.compactObject([
                        ("bom-ref", .string("\(vulnerability.id)#\(purl)")),
                        ("id", .string(vulnerability.id)),
                        ("source", .object([("name", .string("OSV")), ("url", .string("https://osv.dev/vulnerability/\(vulnerability.id)"))])),
                        ("ratings", .array([.compactObject([
                            ("severity", .string(vulnerability.severity == .info ? "info" : vulnerability.severity.rawValue)),
                            ("score", vulnerability.cvssScore.map(JSONValue.double)),
                            ("method", vulnerability.cvssScore == nil ? nil : .string("CVSSv31")),
                        ])])),
                        ("description", .string(vulnerability.summary)),
                        ("recommendation", vulnerability.fixedVersions.isEmpty ? nil : .string("Upgrade to \(vulnerability.fixedVersions.joined(separator: " or ")) or later.")),
                        ("references", .array(vulnerability.aliases.filter { $0 != vulnerability.id }.map { alias in
                            .object([("id", .string(alias)), ("source", .object([("name", .string(alias.hasPrefix("CVE-") ? "NVD" : "OSV"))]))])
                        })),
                        ("affects", .array([.object([("ref", .string(purl))])])),
                    ]))
                }
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return .compactObject([
            ("bomFormat", .string("CycloneDX")),
            ("specVersion", .string(specVersion)),
            ("serialNumber", .string("urn:uuid:\(serial)")),
            ("version", .int(1)),
            ("metadata", .object([
                ("timestamp", .string(formatter.string(from: timestamp))),
                ("tools", .object([("components", .array([.object([
                    ("type", .string("application")), ("name", .string("rampart")), ("version", .string(toolVersion)),
                ])]))])),
                ("component", .object([("type", .string("application")), ("bom-ref", .string("project:\(project)")), ("name", .string(project))])),
            ])),
            ("components", .array(components.map(\.value))),
            ("dependencies", .array([.object([("ref", .string("project:\(project)")), ("dependsOn", .array(components.map { .string($0.purl) }))])])),
            ("vulnerabilities", vulnerabilities == nil ? nil : .array(vulnerabilityEntries)),
        ])
    }

    /// `sha256:abc…` → `{"alg": "SHA-256", "content": "abc…"}`.
    static func hash(_ text: String) -> JSONValue? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let algorithms = ["md5": "MD5", "sha1": "SHA-1", "sha256": "SHA-256", "sha384": "SHA-384", "sha512": "SHA-512"]
        guard let alg = algorithms[parts[0].lowercased()], parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return .object([("alg", .string(alg)), ("content", .string(parts[1].lowercased()))])
    }

    /// The vulnerabilities of every pinned dependency, by purl, from the scanner's advisory source.
    public static func vulnerabilities(of dependencies: [Dependency], options: DepsOptions) throws -> [String: [Vulnerability]] {
        let source = try AdvisorySource.open(options)
        let pinned = dependencies.filter { $0.version != nil }
        let compiled = try source.compiled(for: Set(pinned.map(\.normalizedName)))
        var result: [String: [Vulnerability]] = [:]
        for dependency in pinned {
            guard let version = dependency.version, result[dependency.purl] == nil else { continue }
            let found = VulnerabilityMatcher.vulnerabilities(package: dependency.normalizedName, version: version, compiled: compiled[dependency.normalizedName] ?? [])
            if !found.isEmpty { result[dependency.purl] = found }
        }
        return result
    }
}
