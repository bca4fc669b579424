/// Puts imported findings next to Rampart's own: one finding per flaw and place. An imported
/// finding that describes what a Rampart finding already says at the same file and line (the
/// same Bandit check: `bandit` `B602`, Ruff's `S602`, Rampart's `python/B602`; or the same CWE)
/// becomes a source of that finding instead of a second one.
public enum FindingMerger {
    public static func merge(_ own: [Finding], _ imported: [Finding]) -> [Finding] {
        var merged = own
        var index: [String: [Int]] = [:]
        for (position, finding) in merged.enumerated() {
            guard let key = placeKey(finding) else { continue }
            index[key, default: []].append(position)
        }
        for finding in imported {
            if let key = placeKey(finding), let match = index[key]?.first(where: { sameFlaw(merged[$0], finding) }) {
                var target = merged[match]
                if target.sources.isEmpty { target.sources = [FindingSource(tool: target.scanner == "python" ? "rampart" : target.scanner, ruleId: target.ruleId.rawValue)] }
                for source in finding.sources where !target.sources.contains(source) { target.sources.append(source) }
                merged[match] = target
            } else {
                if let key = placeKey(finding) { index[key, default: []].append(merged.count) }
                merged.append(finding)
            }
        }
        return merged
    }

    /// The imported findings that are not the same flaw at the same place as one of `own`: what
    /// an imported report adds (so a gate counts a flaw both tools saw once).
    public static func unmatched(_ imported: [Finding], against own: [Finding]) -> [Finding] {
        var index: [String: [Finding]] = [:]
        for finding in own {
            if let key = placeKey(finding) { index[key, default: []].append(finding) }
        }
        return imported.filter { finding in
            guard let key = placeKey(finding), let candidates = index[key] else { return true }
            return !candidates.contains { sameFlaw($0, finding) }
        }
    }

    static func placeKey(_ finding: Finding) -> String? {
        guard case .source(let location) = finding.location else { return nil }
        return "\(location.path):\(location.line)"
    }

    /// Bandit's check number, however the tool spells it: `B602`, `S602`, `python/B602`.
    static func banditNumber(_ finding: Finding) -> String? {
        let code = finding.ruleId.code
        guard let first = code.first, first == "B" || first == "S", code.count == 4, code.dropFirst().allSatisfy(\.isNumber) else { return nil }
        // Ruff's S codes are Bandit's B codes; other tools' S codes (Semgrep ids) never look like this.
        return String(code.dropFirst())
    }

    static func sameFlaw(_ a: Finding, _ b: Finding) -> Bool {
        if let x = banditNumber(a), let y = banditNumber(b) { return x == y }
        if a.secret != nil && b.secret != nil { return true }
        if !a.cwe.isEmpty, !b.cwe.isEmpty { return !Set(a.cwe).isDisjoint(with: b.cwe) }
        return false
    }
}
