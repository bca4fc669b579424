import Foundation

/// The fingerprints of accepted findings; a scan with a baseline reports only what is not in it.
///
/// The file is JSON (`rampart/baseline@1`). A findings report (`rampart/findings@1`) is accepted
/// as a baseline too, since it carries the same fingerprints.
public struct Baseline: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Codable {
        public var fingerprint: String
        public var ruleId: String?
        public var location: String?

        public init(fingerprint: String, ruleId: String? = nil, location: String? = nil) {
            self.fingerprint = fingerprint
            self.ruleId = ruleId
            self.location = location
        }
    }

    public static let schema = "rampart/baseline@1"
    public var entries: [Entry]
    public let fingerprints: Set<String>

    public init(entries: [Entry]) {
        self.entries = entries
        self.fingerprints = Set(entries.map(\.fingerprint))
    }

    public init(findings: [Finding]) {
        self.init(entries: findings.sorted(by: Finding.reportOrder).map {
            Entry(fingerprint: $0.fingerprint, ruleId: $0.ruleId.rawValue, location: $0.location.display)
        })
    }

    public func contains(_ finding: Finding) -> Bool {
        fingerprints.contains(finding.fingerprint)
    }

    private struct File: Codable {
        var schema: String?
        var tool: [String: String]?
        var findings: [Entry]
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        case invalid(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path, let why): "cannot read baseline \(path): \(why)"
            case .invalid(let path, let why): "baseline \(path) is not a Rampart baseline or findings report: \(why)"
            }
        }
    }

    /// Loads a baseline file (64 MiB at most).
    public static func load(path: String) throws -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: 64 << 20)
        } catch {
            throw LoadError.unreadable(path, "\(error)")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(bytes))
            if let schema = file.schema, schema != Baseline.schema, schema != "rampart/findings@1" {
                throw LoadError.invalid(path, "unknown schema '\(schema)'")
            }
            return Baseline(entries: file.findings)
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError.invalid(path, "\(error)")
        }
    }

    /// The baseline file's JSON text.
    public func serialized(toolVersion: String) -> String {
        let object: JSONValue = .object([
            ("schema", .string(Baseline.schema)),
            ("tool", .object([("name", .string("rampart")), ("version", .string(toolVersion))])),
            ("findings", .array(entries.map { entry in
                .object([
                    ("fingerprint", .string(entry.fingerprint)),
                    ("ruleId", entry.ruleId.map(JSONValue.string) ?? .null),
                    ("location", entry.location.map(JSONValue.string) ?? .null),
                ])
            })),
        ])
        return object.serialized(pretty: true) + "\n"
    }
}
