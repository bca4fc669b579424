import PythonSyntax
import RampartRegex

/// A replacement of a range of a file: what a rule's `fix` or `fix-regex` writes.
public struct FixEdit: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

enum Autofix {
    /// The edit a rule's `fix` or `fix-regex` makes of a match, or nil.
    static func edit(_ rule: CustomRule, _ match: RuleMatch, _ file: TargetFile) -> FixEdit? {
        if let template = rule.fix {
            var text = substitute(template, match.bindings, file)
            // Lines after the first are indented like the match's first line.
            let indent = String(repeating: " ", count: match.range.start.column)
            if text.contains("\n") {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                text = ([String(lines[0])] + lines.dropFirst().map { $0.isEmpty ? "" : indent + $0 }).joined(separator: "\n")
            } else if needsParentheses(text, match, file) {
                // Semgrep prints an operator expression put in place of an expression in parentheses.
                text = "(" + text + ")"
            }
            return FixEdit(range: match.range, replacement: text)
        }
        if let fixRegex = rule.fixRegex {
            let start = file.offset(match.range.start)
            let end = max(start, file.offset(match.range.end))
            let original = Array(file.source[start..<end])
            let replaced = replace(original, fixRegex)
            guard replaced != original else { return nil }
            return FixEdit(range: match.range, replacement: String(decoding: replaced, as: UTF8.self))
        }
        return nil
    }

    /// `$X` in a fix replaced by the code it matched; an empty `$...ARGS` by nothing.
    static func substitute(_ template: String, _ bindings: Bindings, _ file: TargetFile) -> String {
        var out = template
        for name in bindings.names.sorted(by: { $0.count > $1.count }) {
            guard let value = bindings[name], out.contains(name) else { continue }
            out = out.replacingOccurrences(of: name, with: Values.text(value, file))
        }
        return out
    }

    private static func needsParentheses(_ text: String, _ match: RuleMatch, _ file: TargetFile) -> Bool {
        // Only when an expression is replaced inside a larger statement.
        guard let parsed = try? Parser.parse(text), parsed.module.body.count == 1,
              case .expr(let e) = parsed.module.body[0].kind else { return false }
        switch e.kind {
        case .binOp, .boolOp, .compare, .unaryOp, .ifExp, .lambda, .namedExpr: break
        default: return false
        }
        let lineStart = file.offset(SourcePosition(line: match.range.start.line, column: 0))
        let before = file.source[lineStart..<file.offset(match.range.start)]
        return before.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    }

    /// `fix-regex`: the regex's matches in the matched text replaced (`\1` for groups), `count` times at most.
    static func replace(_ text: [UInt8], _ fix: CustomRule.FixRegex) -> [UInt8] {
        let matches = text.withUnsafeBufferPointer { fix.regex.matches(in: $0, limit: fix.count ?? 10_000) }
        var out: [UInt8] = []
        var cursor = 0
        for m in matches.prefix(fix.count ?? Int.max) {
            out += text[cursor..<m.range.lowerBound]
            out += expand(fix.replacement, m, text)
            cursor = m.range.upperBound
        }
        out += text[cursor...]
        return out
    }

    private static func expand(_ replacement: String, _ m: ByteRegex.Match, _ text: [UInt8]) -> [UInt8] {
        let bytes = Array(replacement.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, let digit = Int(String(UnicodeScalar(bytes[i + 1]))) {
                if let r = m.group(digit) { out += text[r] }
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

/// Applies fix edits to a file's bytes: in order, each at most once; an edit overlapping an
/// earlier one is refused (the caller reports it).
public enum FixApplier {
    public static func apply(_ edits: [FixEdit], to source: [UInt8]) -> (result: [UInt8], applied: [FixEdit], refused: [FixEdit]) {
        var starts = [0]
        for (i, b) in source.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        func offset(_ p: SourcePosition) -> Int? {
            guard p.line >= 1, p.line <= starts.count else { return nil }
            let o = starts[p.line - 1] + p.column
            return o <= source.count ? o : nil
        }
        var applied: [FixEdit] = []
        var refused: [FixEdit] = []
        var spans: [(Int, Int, FixEdit)] = []
        var seen = Set<FixEdit>()
        for edit in edits.sorted(by: { $0.range < $1.range }) where seen.insert(edit).inserted {
            guard let s = offset(edit.range.start), let e = offset(edit.range.end), s <= e else {
                refused.append(edit)
                continue
            }
            if let last = spans.last, s < last.1 {
                refused.append(edit)
                continue
            }
            spans.append((s, e, edit))
        }
        var out: [UInt8] = []
        var cursor = 0
        for (s, e, edit) in spans {
            out += source[cursor..<s]
            out += Array(edit.replacement.utf8)
            cursor = e
            applied.append(edit)
        }
        out += source[cursor...]
        return (out, applied, refused)
    }
}
