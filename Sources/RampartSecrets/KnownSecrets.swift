import Crypto
import Foundation
import RampartCore

/// Findings other secret scanners' teams have already triaged: Gitleaks' `.gitleaksignore`
/// and detect-secrets' `.secrets.baseline`, read from the scan root so a team can switch tools
/// without re-triaging. Matched findings are reported as suppressed, with the source as reason.
public struct KnownSecrets: Sendable {
    struct GitleaksEntry: Sendable, Hashable {
        var commit: String?
        var path: String
        var line: Int
    }

    var gitleaks: Set<GitleaksEntry> = []
    /// detect-secrets: file → SHA-1 hex digests of its known secrets.
    var detectSecrets: [String: Set<String>] = [:]
    public var sources: [String] = []

    public var isEmpty: Bool { gitleaks.isEmpty && detectSecrets.isEmpty }

    public init() {}

    /// Reads `.gitleaksignore` and `.secrets.baseline` in `root`; problems become diagnostics.
    public static func discover(root: String) -> (KnownSecrets, [Diagnostic]) {
        var known = KnownSecrets()
        var problems: [Diagnostic] = []
        // Inside the repository only: a `.secrets.baseline` linked to a file elsewhere is not read.
        let confined = ConfinedRoot(root)
        if let bytes = try? confined.read(".gitleaksignore", limit: 16 << 20) {
            known.addGitleaksIgnore(String(decoding: bytes, as: UTF8.self))
            known.sources.append(".gitleaksignore")
        }
        if let bytes = try? confined.read(".secrets.baseline", limit: 64 << 20) {
            do {
                try known.addDetectSecretsBaseline(Data(bytes))
                known.sources.append(".secrets.baseline")
            } catch {
                problems.append(Diagnostic(.warning, code: "secrets-baseline", message: "cannot read .secrets.baseline: \(error)", scanner: "secrets", path: ".secrets.baseline"))
            }
        }
        return (known, problems)
    }

    /// Lines of Gitleaks fingerprints: `commit:file:rule:line` or `file:rule:line`.
    mutating func addGitleaksIgnore(_ text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let number = Int(fields.removeLast()) else { continue }
            fields.removeLast()  // Gitleaks' rule id: its ids are not Rampart's; file and line identify the place.
            var commit: String?
            if fields.count >= 2, fields[0].count >= 7, fields[0].allSatisfy(\.isHexDigit) {
                commit = fields.removeFirst()
            }
            gitleaks.insert(GitleaksEntry(commit: commit, path: fields.joined(separator: ":"), line: number))
        }
    }

    struct BaselineError: Error, CustomStringConvertible {
        var description: String
    }

    /// detect-secrets' baseline: `{"results": {"file": [{"hashed_secret": sha1, "line_number": n}]}}`.
    mutating func addDetectSecretsBaseline(_ data: Data) throws {
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let results = document["results"] as? [String: Any] else {
            throw BaselineError(description: "no \"results\" object")
        }
        for (file, entries) in results {
            for entry in entries as? [[String: Any]] ?? [] {
                if let hash = entry["hashed_secret"] as? String { detectSecrets[file, default: []].insert(hash.lowercased()) }
            }
        }
    }

    static func sha1(_ secret: String) -> String {
        Insecure.SHA1.hash(data: Array(secret.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The suppression of a secret found at `path:line` (in `commit`, for history scans).
    func suppression(path: String, line: Int, secret: String, commit: String?) -> Suppression? {
        if let hashes = detectSecrets[path], hashes.contains(Self.sha1(secret)) {
            return Suppression(kind: .config, reason: "known to detect-secrets (.secrets.baseline)")
        }
        if gitleaks.contains(GitleaksEntry(commit: nil, path: path, line: line)) {
            return Suppression(kind: .config, reason: "listed in .gitleaksignore")
        }
        if let commit, gitleaks.contains(where: { $0.commit.map { commit.hasPrefix($0) } == true && $0.path == path && $0.line == line }) {
            return Suppression(kind: .config, reason: "listed in .gitleaksignore")
        }
        return nil
    }
}
