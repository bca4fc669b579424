/// A suppression comment on a source line.
///
/// Recognised forms, after `#` or `//`:
/// - `nosec`, `nosec B602,B607`, `nosec: B602 reason` (Bandit's; words that are not rule names are ignored)
/// - `rampart: ignore[python/B602, B607] reason`, `rampart: ignore reason` (every rule)
/// - `nosemgrep`, `nosemgrep: rule-id, other-id` (Semgrep's; bare, it covers custom rules only),
///   also on the line before the finding
/// - `noqa: S324, S311` (Ruff's codes for Bandit's checks, `S` for `B`); a bare `noqa` or one
///   without such codes silences nothing: it is about style, not a security decision
/// - anywhere on the line, for secrets rules only: `gitleaks:allow`, `pragma: allowlist secret`
///   (detect-secrets) and `trufflehog:ignore`, so teams switching tools keep their markers
public struct InlineSuppression: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case nosec, rampart
        /// Semgrep's `nosemgrep`: bare, it covers custom rules (`rules/…`) only.
        case nosemgrep
        /// Another secret scanner's allow marker; covers secrets rules only.
        case secretAllow
        /// Ruff's `noqa` with flake8-bandit codes.
        case noqa
    }

    /// The allow markers of Gitleaks, detect-secrets and TruffleHog.
    public static let secretAllowMarkers = ["gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore"]

    public var kind: Kind
    /// Rule names the comment lists; empty means every rule.
    public var rules: [String]
    public var reason: String?

    public init(kind: Kind, rules: [String], reason: String?) {
        self.kind = kind
        self.rules = rules
        self.reason = reason
    }

    /// Whether this comment silences `rule`.
    public func covers(_ rule: RuleMetadata?, id: RuleID) -> Bool {
        if kind == .secretAllow { return id.scanner == "secrets" }
        if kind == .nosemgrep && rules.isEmpty { return id.scanner == "rules" }
        if rules.isEmpty { return true }
        return rules.contains { name in rule?.isNamed(name) ?? (name == id.rawValue || name == id.code) }
    }

    /// The suppression comments on one line of code; quotes are respected so a `#` inside a string is not a comment.
    public static func parse(line: Substring) -> [InlineSuppression] {
        var results: [InlineSuppression] = []
        // Most lines have no comment at all: a byte scan for `#` or `//` first.
        guard line.utf8.contains(UInt8(ascii: "#")) || line.utf8.contains(UInt8(ascii: "/")) || line.utf8.contains(UInt8(ascii: ":")) else { return [] }
        for marker in secretAllowMarkers where line.contains(marker) {
            results.append(InlineSuppression(kind: .secretAllow, rules: [], reason: marker))
        }
        guard line.contains("nosec") || line.contains("rampart") || line.contains("nosemgrep") || line.contains("noqa") else { return results }
        for comment in comments(in: line) {
            if let found = parseComment(comment) { results.append(found) }
        }
        return results
    }

    /// The text after each comment opener (`#`, `//`) outside quotes.
    static func comments(in line: Substring) -> [Substring] {
        var result: [Substring] = []
        var quote: Character?
        var escaped = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            let next = line.index(after: index)
            if let open = quote {
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == open {
                    quote = nil
                }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                result.append(line[next...])
                // Later `#` inside the comment start further comments (`# noqa # nosec`).
            } else if c == "/" && next < line.endIndex && line[next] == "/" {
                result.append(line[line.index(after: next)...])
            }
            index = next
        }
        return result
    }

    private static func parseComment(_ comment: Substring) -> InlineSuppression? {
        let text = comment.drop { $0 == " " || $0 == "\t" }
        if text.lowercased().hasPrefix("nosemgrep") {
            var rest = text.dropFirst("nosemgrep".count)
            if let first = rest.first, first.isLetter || first.isNumber || first == "_" || first == "-" { return nil }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.first == ":" || rest.isEmpty || rest.first == "#" else {
                return InlineSuppression(kind: .nosemgrep, rules: [], reason: nil)
            }
            if rest.first == ":" { rest = rest.dropFirst() }
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            let ids = rest.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
            return InlineSuppression(kind: .nosemgrep, rules: ids, reason: nil)
        }
        if text.lowercased().hasPrefix("noqa") {
            var rest = text.dropFirst(4)
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst()
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            // S608 is Bandit's B608; other linters' codes (E501, F401) are not about security.
            let codes = rest.split { $0 == " " || $0 == "," || $0 == "\t" }.compactMap { code -> String? in
                let scalars = Array(code.unicodeScalars)
                guard scalars.count == 4, scalars[0] == "S", scalars.dropFirst().allSatisfy({ $0.properties.numericType == .decimal }) else { return nil }
                return "B" + code.dropFirst()
            }
            return codes.isEmpty ? nil : InlineSuppression(kind: .noqa, rules: codes, reason: "noqa: " + codes.map { "S" + $0.dropFirst() }.joined(separator: ", "))
        }
        if text.lowercased().hasPrefix("nosec") {
            var rest = text.dropFirst(5)
            if let first = rest.first, first.isLetter || first.isNumber || first == "_" { return nil }
            if rest.first == ":" { rest = rest.dropFirst() }
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            let words = rest.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
            let rules = words.filter(looksLikeRuleName)
            let reasonWords = words.filter { !looksLikeRuleName($0) }
            return InlineSuppression(kind: .nosec, rules: rules, reason: reasonWords.isEmpty ? nil : reasonWords.joined(separator: " "))
        }
        guard text.hasPrefix("rampart:") else { return nil }
        var rest = text.dropFirst("rampart:".count).drop { $0 == " " }
        guard rest.hasPrefix("ignore") else { return nil }
        rest = rest.dropFirst("ignore".count)
        var rules: [String] = []
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            rules = rest[rest.index(after: rest.startIndex)..<close]
                .split { $0 == "," || $0 == " " }.map(String.init)
            rest = rest[rest.index(after: close)...]
        } else if let first = rest.first, first != " " && first != "\t" {
            return nil
        }
        let reason = rest.trimmingWhitespace()
        return InlineSuppression(kind: .rampart, rules: rules, reason: reason.isEmpty ? nil : reason)
    }

    /// Bandit ids (`B602`), namespaced ids (`python/B602`) and test names (`hardcoded_password_string`).
    static func looksLikeRuleName(_ word: String) -> Bool {
        if word.contains("/") { return true }
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= 2, scalars[0] == "B" || scalars[0] == "b", scalars.dropFirst().allSatisfy({ $0.properties.numericType != nil }) {
            return true
        }
        return word.contains("_") && word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0.properties.numericType != nil) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
