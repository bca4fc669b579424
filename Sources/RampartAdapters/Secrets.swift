import Foundation
import RampartCore

/// The secret of an imported finding, redacted at once: the plain value never leaves the adapter.
enum ImportedSecret {
    static func info(_ secret: String?) -> SecretInfo? {
        guard let secret, !secret.isEmpty else { return nil }
        let digest = Fingerprint.sha256Hex(secret)
        return SecretInfo(redacted: Redaction.redact(secret), length: secret.count, digest: digest)
    }

    /// `text` with `secret` redacted, for messages and snippets.
    static func scrub(_ text: String?, _ secret: String?) -> String? {
        guard let text else { return nil }
        guard let secret, !secret.isEmpty else { return text }
        return Redaction.redact(secret, in: text)
    }
}

/// `gitleaks detect --report-format json`: a list of `{RuleID, File, StartLine, Secret, Commit…}`.
struct GitleaksAdapter: ToolAdapter {
    let tool = "gitleaks"
    let reads = "gitleaks detect --report-format json"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        return try json.array(try json.parse(data), "the top").enumerated().map { index, item throws(AdapterError) -> Finding in
            let path = "[\(index)]"
            let leak = try json.object(item, path)
            let rule = try json.string(leak["RuleID"], "\(path).RuleID")
            let secret = json.optionalString(leak["Secret"])
            var finding = Imported.finding(tool: tool, rule: rule, title: json.optionalString(leak["Description"]) ?? rule,
                                           message: "\(json.optionalString(leak["Description"]) ?? rule) (found by Gitleaks)",
                                           severity: .high, confidence: .medium, path: try json.string(leak["File"], "\(path).File"),
                                           line: try json.int(leak["StartLine"], "\(path).StartLine"), column: json.optionalInt(leak["StartColumn"]) ?? 1,
                                           endLine: json.optionalInt(leak["EndLine"]), snippet: ImportedSecret.scrub(json.optionalString(leak["Match"]), secret))
            finding.secret = ImportedSecret.info(secret)
            if let commit = json.optionalString(leak["Commit"]), !commit.isEmpty {
                finding.commit = CommitInfo(sha: commit, author: json.optionalString(leak["Author"]) ?? "", email: json.optionalString(leak["Email"]) ?? "",
                                            date: json.optionalString(leak["Date"]) ?? "", summary: json.optionalString(leak["Message"]) ?? "")
            }
            return finding
        }
    }
}

/// Trufflehog's JSON lines: v3 (`--json`: `DetectorName`, `SourceMetadata.Data.{Filesystem|Git}`,
/// `Verified`, `Raw`) and v2 (`reason`, `path`, `stringsFound`, `commitHash`).
struct TrufflehogAdapter: ToolAdapter {
    let tool = "trufflehog"
    let reads = "trufflehog --json (v3), trufflehog --json (v2)"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        var findings: [Finding] = []
        for (line, value) in try json.parseLines(data) {
            let path = "line \(line)"
            let record = try json.object(value, path)
            if let detector = json.optionalString(record["DetectorName"]) {
                // v3: where it was depends on the source (files, git, …).
                let sources = (record["SourceMetadata"] as? [String: Any])?["Data"] as? [String: Any] ?? [:]
                let place = sources.values.compactMap { $0 as? [String: Any] }.first ?? [:]
                let location = json.optionalString(place["file"]) ?? json.optionalString(place["path"]) ?? "(\(sources.keys.first ?? "unknown source"))"
                let secret = json.optionalString(record["Raw"])
                let verified = (record["Verified"] as? Bool) ?? false
                var finding = Imported.finding(tool: tool, rule: detector, title: "\(detector) secret",
                                               message: "\(detector) secret\(verified ? ", verified live by Trufflehog" : "") (found by Trufflehog)",
                                               severity: verified ? .critical : .high, confidence: verified ? .high : .medium,
                                               path: location, line: json.optionalInt(place["line"]) ?? 1)
                finding.secret = ImportedSecret.info(secret).map { info in
                    var info = info
                    info.validated = verified
                    return info
                }
                if let commit = json.optionalString(place["commit"]) {
                    finding.commit = CommitInfo(sha: commit, author: "", email: json.optionalString(place["email"]) ?? "",
                                                date: json.optionalString(place["timestamp"]) ?? "", summary: "")
                }
                findings.append(finding)
            } else if let reason = json.optionalString(record["reason"]) {
                // v2: one record per commit and file, with every string found.
                let location = try json.string(record["path"], "\(path).path")
                let strings = (record["stringsFound"] as? [String]) ?? []
                var finding = Imported.finding(tool: tool, rule: reason, title: reason, message: "\(reason) (found by Trufflehog v2)",
                                               severity: reason.lowercased().contains("entropy") ? .medium : .high, confidence: .low, path: location, line: 1)
                finding.secret = ImportedSecret.info(strings.first)
                if let commit = json.optionalString(record["commitHash"]) {
                    finding.commit = CommitInfo(sha: commit, author: "", email: "", date: json.optionalString(record["date"]) ?? "", summary: json.optionalString(record["commit"]) ?? "")
                }
                findings.append(finding)
            } else {
                throw json.fail(path, "neither a Trufflehog v3 record (DetectorName) nor a v2 one (reason)")
            }
        }
        return findings
    }
}

/// A detect-secrets baseline (`.secrets.baseline`): `results` by file, each `{type, line_number,
/// hashed_secret, is_verified}`. Entries audited as false positives (`is_secret: false`) are left out.
struct DetectSecretsAdapter: ToolAdapter {
    let tool = "detect-secrets"
    let reads = "detect-secrets scan (a .secrets.baseline)"

    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding] {
        let json = JSONDocument(tool: tool, file: file)
        let root = try json.object(try json.parse(data), "the top")
        let results = try json.object(root["results"], "results")
        var findings: [Finding] = []
        for (name, entries) in results.sorted(by: { $0.key < $1.key }) {
            for (index, item) in try json.array(entries, "results.\(name)").enumerated() {
                let path = "results.\(name)[\(index)]"
                let entry = try json.object(item, path)
                if (entry["is_secret"] as? Bool) == false { continue }
                let type = try json.string(entry["type"], "\(path).type")
                var finding = Imported.finding(tool: tool, rule: type, title: type, message: "\(type) (found by detect-secrets)",
                                               severity: .high, confidence: (entry["is_verified"] as? Bool) == true ? .high : .medium,
                                               path: json.optionalString(entry["filename"]) ?? name, line: try json.int(entry["line_number"], "\(path).line_number"))
                if let hash = json.optionalString(entry["hashed_secret"]) {
                    // Only a SHA-1 of the secret is in the file: it names the secret without showing it.
                    finding.secret = SecretInfo(redacted: "sha1:\(hash.prefix(12))", length: 0, digest: hash)
                }
                findings.append(finding)
            }
        }
        return findings
    }
}
