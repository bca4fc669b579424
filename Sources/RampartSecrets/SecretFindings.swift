import RampartCore

/// Turns candidates into findings: position, redacted secret and snippet, digest, confidence.
/// Shared by the tree, staged and history scans so that all report secrets the same way.
struct SecretFindings: Sendable {
    let engine: SecretEngine
    let showSecrets: Bool
    var known = KnownSecrets()
    /// Keep the secret on the finding for a verifier, even when reports will not show it.
    var keepPlaintext = false

    /// `ghp_********(40)`: a recognisable prefix and the length, never enough to use.
    static func redact(_ secret: String) -> String {
        let count = secret.count
        let keep = count >= 16 ? 4 : count >= 10 ? 2 : 0
        return String(secret.prefix(keep)) + "********(\(count))"
    }

    static func digest(_ secret: String) -> String {
        Fingerprint.sha256Hex(secret)
    }

    /// Findings for candidates in `bytes`; `lineOffset` shifts line numbers (hunks of a patch).
    func findings(_ candidates: [SecretCandidate], in bytes: UnsafeBufferPointer<UInt8>, path: String, commit: String? = nil, lineFor: ((Int) -> Int)? = nil) -> [Finding] {
        guard !candidates.isEmpty else { return [] }
        let testLike = Precision.isTestOrDocumentation(path)
        var findings: [Finding] = []
        // Candidates come in position order: count lines once, forwards.
        var line = 1
        var lineStart = 0
        var scanned = 0
        for candidate in candidates {
            let start = candidate.secretRange.lowerBound
            while scanned < start {
                if bytes[scanned] == 0x0A {
                    line += 1
                    lineStart = scanned + 1
                }
                scanned += 1
            }
            var endLine = line
            for i in candidate.secretRange where bytes[i] == 0x0A { endLine += 1 }
            let detector = engine.detectors[candidate.detector]
            let redacted = Self.redact(candidate.secret)
            var confidence = detector.metadata.confidence
            if candidate.validation == .valid { confidence = .high }
            if testLike { confidence = confidence.lowered }
            let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<start]), as: UTF8.self).count + 1
            let reportedLine = lineFor?(line) ?? line
            var finding = Finding(
                rule: detector.metadata,
                location: .source(SourceLocation(
                    path: path, line: reportedLine, column: column, endLine: reportedLine + endLine - line,
                    endColumn: endLine == line ? column + candidate.secret.count : nil,
                    snippet: snippet(bytes, lineStart: lineStart, secret: candidate)
                )),
                message: "\(detector.metadata.title): \(showSecrets ? candidate.secret : redacted)"
                    + (candidate.validation == .valid ? " (checksum valid)" : "")
            )
            finding.confidence = confidence
            finding.secret = SecretInfo(
                redacted: redacted, length: candidate.secret.count, digest: Self.digest(candidate.secret),
                plaintext: showSecrets || keepPlaintext ? candidate.secret : nil, validated: candidate.validation == .valid
            )
            if !known.isEmpty {
                finding.suppression = known.suppression(path: path, line: reportedLine, secret: candidate.secret, commit: commit)
            }
            findings.append(finding)
        }
        return findings
    }

    /// The secret's first line with the secret redacted, at most 200 characters around it.
    private func snippet(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, secret candidate: SecretCandidate) -> String {
        var lineEnd = candidate.secretRange.lowerBound
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, lineEnd - lineStart < 100_000 { lineEnd += 1 }
        let secretEnd = min(candidate.secretRange.upperBound, lineEnd)
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[max(lineStart, candidate.secretRange.lowerBound - 100)..<candidate.secretRange.lowerBound]), as: UTF8.self)
        let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[secretEnd..<min(lineEnd, secretEnd + 100)]), as: UTF8.self)
        let shown = showSecrets ? String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.secretRange.lowerBound..<secretEnd]), as: UTF8.self) : Self.redact(candidate.secret)
        var text = before + shown + after
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
