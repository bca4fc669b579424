import PythonSyntax

/// The names Bandit takes for passwords: a `_`-separated part of the name that is `password`
/// (and `passwd`, `paswd`, …), `pass`, `passphrase`, `pwd`, `token`, `secret` or `secrete`.
enum HardcodedPassword {
    static func isCandidate(_ name: String) -> Bool {
        name.lowercased().split(separator: "_", omittingEmptySubsequences: false).contains { isWord($0) }
    }

    static func isWord(_ part: Substring) -> Bool {
        switch part {
        case "pass", "passphrase", "pwd", "token", "secret", "secrete": return true
        default: break
        }
        // pas+wo?r?d
        var rest = part[...]
        guard rest.hasPrefix("pas") else { return false }
        rest = rest.dropFirst(3)
        while rest.first == "s" { rest = rest.dropFirst() }
        guard rest.first == "w" else { return false }
        rest = rest.dropFirst()
        if rest.first == "o" { rest = rest.dropFirst() }
        if rest.first == "r" { rest = rest.dropFirst() }
        return rest == "d"
    }

    static func hit(_ value: String, line: Int? = nil) -> RuleHit {
        RuleHit(.low, .medium, "Possible hardcoded password: '\(Redaction.redact(value))'", line: line)
    }
}

import RampartCore
