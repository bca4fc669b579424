import RampartCore

/// Completes raw findings: rule settings from the configuration, snippets, `helpUri`, fingerprints,
/// inline suppressions and configured ignores. Thresholds and the baseline come after it.
struct FindingProcessor {
    let root: String
    let confinedRoot: ConfinedRoot
    let configuration: Configuration
    let rulesByID: [RuleID: RuleMetadata]
    let today: String
    private(set) var diagnostics: [Diagnostic] = []
    private var lineCache: [String: [Substring]?] = [:]
    /// Suppression comments of the cached file's lines, parsed once each: many findings on one
    /// long line must not parse it again and again.
    private var commentCache: [Int: [InlineSuppression]] = [:]
    private let ignorePaths: [GlobPattern?]

    /// Lines of a finding read for suppression comments; a multi-line statement's comment may sit on any of them.
    static let maxSuppressionLines = 50
    /// Lines of a finding kept as its snippet.
    static let maxSnippetLines = 5

    init(root: String, configuration: Configuration, rules: [RuleMetadata], today: String) {
        self.root = root
        self.confinedRoot = ConfinedRoot(root)
        self.configuration = configuration
        self.rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.today = today
        self.ignorePaths = configuration.ignores.map { $0.path.flatMap(GlobPattern.init) }
    }

    mutating func process(_ raw: [Finding]) -> [Finding] {
        var findings: [Finding] = []
        findings.reserveCapacity(raw.count)
        // One file's lines are kept at a time: findings are completed file by file.
        let paths = raw.map { $0.location.path ?? "" }
        for index in raw.indices.sorted(by: { paths[$0] < paths[$1] }) {
            var finding = raw[index]
            guard configuration.isEnabled(finding.ruleId) else { continue }
            if let severity = configuration.rules[finding.ruleId]?.severity { finding.severity = severity }
            if finding.scanner.isEmpty { finding.scanner = finding.ruleId.scanner }
            // Custom rules have no page of ours: their link is their own reference, if any.
            if finding.helpUri == nil && finding.ruleId.scanner != "rules" { finding.helpUri = configuration.helpURI(for: finding.ruleId) }
            if case .source(var source) = finding.location, source.snippet == nil,
               let lines = lines(of: source.path) {
                let first = min(source.line, lines.count + 1) - 1
                let last = min(source.endLine, source.line + FindingProcessor.maxSnippetLines - 1, lines.count)
                if first < last {
                    source.snippet = lines[first..<last].joined(separator: "\n")
                    finding.location = .source(source)
                }
            }
            // A scanner may have suppressed a finding itself (a secrets allow comment, say).
            if finding.suppression == nil { finding.suppression = suppression(for: finding) }
            findings.append(finding)
        }
        Fingerprint.assign(&findings)
        reportExpiredIgnores()
        lineCache = [:]
        return findings
    }

    private mutating func suppression(for finding: Finding) -> Suppression? {
        // A history finding is about a past version of the file: its own scanner read its comments.
        if finding.commit == nil, case .source(let source) = finding.location, let lines = lines(of: source.path) {
            // A finding named after its advisory (`deps/GHSA-…`) belongs to the rule its tags name.
            let known = rulesByID
            let rule = known[finding.ruleId] ?? finding.tags.lazy.compactMap { known[RuleID($0)] }.first
            let last = min(source.endLine, source.line + FindingProcessor.maxSuppressionLines - 1, lines.count)
            if source.line <= last {
                for index in (source.line - 1)..<last {
                    for comment in comments(onLine: index, of: lines) where comment.covers(rule, id: finding.ruleId) {
                        return Suppression(kind: comment.kind == .nosec ? .nosec : .inline, reason: comment.reason)
                    }
                }
            }
            // Semgrep also reads `# nosemgrep` on the line before the finding.
            if source.line >= 2, source.line - 2 < lines.count {
                for comment in comments(onLine: source.line - 2, of: lines) where comment.kind == .nosemgrep && comment.covers(rule, id: finding.ruleId) {
                    return Suppression(kind: .inline, reason: comment.reason)
                }
            }
        }
        for (index, ignore) in configuration.ignores.enumerated() where !ignore.isExpired(today: today) {
            if matches(ignore, pathPattern: ignorePaths[index], finding) {
                return Suppression(kind: .config, reason: ignore.reason, expires: ignore.expires)
            }
        }
        return nil
    }

    private func matches(_ ignore: IgnoreEntry, pathPattern: GlobPattern?, _ finding: Finding) -> Bool {
        if let rule = ignore.rule {
            let named = rulesByID[finding.ruleId]?.isNamed(rule)
                ?? (rule == finding.ruleId.rawValue || rule == finding.ruleId.code)
            guard named || GlobPattern.matchName(Array(rule.utf8), Array(finding.ruleId.rawValue.utf8)) else { return false }
        }
        if ignore.path != nil {
            guard let pathPattern, let path = finding.location.path,
                  pathPattern.matchesSelfOrAncestor(path, isDirectory: false) else { return false }
        }
        return true
    }

    private mutating func reportExpiredIgnores() {
        for ignore in configuration.ignores where ignore.isExpired(today: today) {
            let what = [ignore.rule.map { "rule \($0)" }, ignore.path.map { "path \($0)" }].compactMap { $0 }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                .warning, code: "ignore-expired",
                message: "ignore (\(what)) expired on \(ignore.expires ?? "?"); its findings are reported again. Reason was: \(ignore.reason)",
                path: configuration.sourcePath.flatMap { $0.split(separator: "/").last.map(String.init) } ?? ".rampart.yml",
                line: ignore.line
            ))
        }
    }

    /// The lines of a scanned file, read once; nil when it cannot be read.
    private mutating func comments(onLine index: Int, of lines: [Substring]) -> [InlineSuppression] {
        if let cached = commentCache[index] { return cached }
        let parsed = InlineSuppression.parse(line: lines[index])
        commentCache[index] = parsed
        return parsed
    }

    private mutating func lines(of path: String) -> [Substring]? {
        if let cached = lineCache[path] { return cached }
        lineCache.removeAll(keepingCapacity: true)
        commentCache.removeAll(keepingCapacity: true)
        // A finding's path may come from an imported report: read only inside the scanned folder.
        let lines = (try? confinedRoot.read(path, limit: configuration.maxFileSize))
            .map { SourceText(bytes: $0).lines }
        lineCache[path] = lines
        return lines
    }
}

