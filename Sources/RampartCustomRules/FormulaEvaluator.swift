import PythonSyntax
import RampartRegex

/// A range a formula keeps, with its bindings and the kind of operator it came from (Semgrep
/// treats `pattern-inside` and `pattern-regex` ranges differently when combining).
struct RangeMatch {
    enum Kind { case plain, inside, regexp, anywhere }

    var range: SourceRange
    var bindings: Bindings
    var kind: Kind
    /// A taint finding's way (`RuleMatch.trace`).
    var trace: [TraceSite] = []
    /// A taint finding at a sink of another file (reached through a call into it), with the
    /// rule's message filled in there.
    var path: String?
    var message: String?
}

/// Evaluates a rule's formula over one file with Semgrep's range semantics: a conjunction
/// intersects its positive ranges (a range survives inside another with agreeing bindings,
/// pattern-inside ranges last), removes ranges equal to a `pattern-not` range, inside a
/// `pattern-not-inside` range, or overlapping a `pattern-not-regex` one; then filters by its
/// metavariable conditions and narrows to its focus.
final class FormulaEvaluator {
    let set: RuleSet
    let file: TargetFile
    let leaves: [[LeafMatch]]
    let stepsPerPattern: Int
    private var regexResults: [Int: [RangeMatch]] = [:]
    private var regexProblems: [Int: String] = [:]
    private var nestedProblems: [String] = []

    init(set: RuleSet, file: TargetFile, leaves: [[LeafMatch]], stepsPerPattern: Int) {
        self.set = set
        self.file = file
        self.leaves = leaves
        self.stepsPerPattern = stepsPerPattern
    }

    /// Why a formula's result may be incomplete on this file.
    func problems(for formula: Formula) -> [String] {
        var out: [String] = []
        func visit(_ f: Formula) {
            switch f.kind {
            case .regex(let i): if let p = regexProblems[i] { out.append(p) }
            case .and(let fs), .or(let fs): fs.forEach(visit)
            case .not(let x), .inside(let x), .anywhere(let x): visit(x)
            case .pattern: break
            }
            for c in f.conditions { if case .pattern(_, _, let nested) = c { visit(nested) } }
        }
        visit(formula)
        return out + nestedProblems
    }

    func evaluate(_ formula: Formula, context: RangeMatch?, scope leafSource: LeafSource? = nil) -> [RangeMatch] {
        var ranges = evaluateKind(formula, context: context, source: leafSource)
        for condition in formula.conditions {
            ranges = ranges.flatMap { filter($0, condition) }
        }
        if !formula.focus.isEmpty { ranges = focus(ranges, formula.focus) }
        return ranges
    }

    /// Where pattern leaves' matches come from: the whole-file walk, or a walk of one bound value.
    final class LeafSource {
        let results: [Int: [LeafMatch]]
        let regexText: (text: String, base: Int)?
        init(results: [Int: [LeafMatch]], regexText: (String, Int)?) {
            self.results = results
            self.regexText = regexText
        }
    }

    private func evaluateKind(_ formula: Formula, context: RangeMatch?, source: LeafSource?) -> [RangeMatch] {
        switch formula.kind {
        case .pattern(let i):
            let matches = source.map { $0.results[i] ?? [] } ?? leaves[i]
            return matches.map { RangeMatch(range: $0.range, bindings: $0.bindings, kind: .plain) }
        case .regex(let i):
            if let source {
                guard let text = source.regexText else { return [] }
                return regexMatches(i, text: Array(text.text.utf8), base: text.base)
            }
            if let cached = regexResults[i] { return cached }
            let found = regexMatches(i, text: file.source, base: 0)
            regexResults[i] = found
            return found
        case .inside(let f):
            return evaluate(f, context: context, scope: source).map { var r = $0; r.kind = .inside; return r }
        case .anywhere(let f):
            return evaluate(f, context: context, scope: source).map { var r = $0; r.kind = .anywhere; return r }
        case .or(let fs):
            return fs.flatMap { evaluate($0, context: context, scope: source) }
        case .not:
            return []
        case .and(let conjuncts):
            var positives: [[RangeMatch]] = []
            var insides: [[RangeMatch]] = []
            var negatives: [Formula] = []
            for c in conjuncts {
                if case .not(let inner) = c.kind {
                    negatives.append(inner)
                    continue
                }
                let ranges = evaluate(c, context: context, scope: source)
                if ranges.first?.kind == .inside { insides.append(ranges) } else { positives.append(ranges) }
            }
            var all = positives + insides
            if all.isEmpty {
                guard let context else { return [] }
                all = [[context]]
            }
            var ranges = all[0]
            for next in all.dropFirst() {
                if ranges.isEmpty { break }
                ranges = intersect(ranges, next)
            }
            for negative in negatives where !ranges.isEmpty {
                let excluded = evaluate(negative, context: context, scope: source)
                ranges = difference(ranges, excluded)
            }
            return ranges
        }
    }

    // MARK: Set operations (Semgrep's Range_with_metavars)

    private func includedIn(_ x: RangeMatch, _ y: RangeMatch) -> Bool {
        (x.range.isInside(y.range) || y.kind == .anywhere) && x.bindings.agrees(with: y.bindings, file: file)
    }

    private func intersect(_ xs: [RangeMatch], _ ys: [RangeMatch]) -> [RangeMatch] {
        var out: [RangeMatch] = []
        func leftMerge(_ u: RangeMatch, _ v: RangeMatch) {
            // A pattern-inside range survives only inside another pattern-inside range.
            guard includedIn(u, v), u.kind != .inside || v.kind == .inside else { return }
            var merged = u
            merged.bindings = u.bindings.merging(v.bindings)
            out.append(merged)
        }
        for u in xs { for v in ys { leftMerge(u, v) } }
        for u in xs { for v in ys { leftMerge(v, u) } }
        return out
    }

    private func difference(_ pos: [RangeMatch], _ neg: [RangeMatch]) -> [RangeMatch] {
        pos.filter { x in
            !neg.contains { y in
                switch y.kind {
                case .inside: includedIn(x, y)
                case .regexp: includedIn(x, y) || includedIn(y, x)
                case .plain: includedIn(x, y) && includedIn(y, x)
                case .anywhere: true
                }
            }
        }
    }

    // MARK: Focus

    /// `focus-metavariable`: each range narrows to where its metavariables are bound (several
    /// metavariables in one focus: each of them; several focus operators: where they meet).
    private func focus(_ ranges: [RangeMatch], _ lists: [[String]]) -> [RangeMatch] {
        func meet(_ a: SourceRange, _ b: SourceRange) -> SourceRange? {
            a.isInside(b) ? a : b.isInside(a) ? b : nil
        }
        return ranges.flatMap { r -> [RangeMatch] in
            var perList: [[SourceRange]] = []
            for list in lists {
                var focused: [SourceRange] = []
                for mv in list {
                    guard let span = r.bindings[mv]?.span, let m = meet(SourceRange(span), r.range) else { continue }
                    focused.append(m)
                }
                perList.append(focused)
            }
            guard var current = perList.first else { return [r] }
            for next in perList.dropFirst() {
                guard current.count == 1, next.count == 1, let m = meet(current[0], next[0]) else { return [] }
                current = [m]
            }
            return current.map { RangeMatch(range: $0, bindings: r.bindings, kind: r.kind) }
        }
    }

    // MARK: Regexes

    private func regexMatches(_ index: Int, text: [UInt8], base: Int) -> [RangeMatch] {
        let regex = set.regexLeaves[index]
        let scan = text.withUnsafeBufferPointer { regex.scan($0, limit: 100_000) }
        if !scan.limitHits.isEmpty {
            regexProblems[index] = "the regular expression `\(regex.pattern.prefix(80))` hit the backtracking limit \(scan.limitHits.count) time(s)"
        }
        let names = regex.groupNames
        var out: [RangeMatch] = []
        for m in scan.matches where !m.range.isEmpty {
            var bindings = Bindings()
            func span(_ r: Range<Int>) -> Span {
                Span(file.position(ofOffset: base + r.lowerBound), file.position(ofOffset: base + r.upperBound))
            }
            for group in 1..<(regex.captureCount + 1) {
                guard let r = m.group(group) else { continue }
                let text = String(decoding: text[r], as: UTF8.self)
                let named = names.first { $0.index == group }.map { GenericPattern.metavariable(ofGroup: $0.name) ?? "$" + $0.name }
                bindings.set(named ?? "$\(group)", .text(text, span(r)))
            }
            let whole = span(m.range)
            out.append(RangeMatch(range: SourceRange(whole), bindings: bindings, kind: .regexp))
        }
        return out
    }

    // MARK: Conditions

    private func filter(_ r: RangeMatch, _ condition: Condition) -> [RangeMatch] {
        switch condition {
        case .regex(let mv, let regex, let constants):
            guard let value = r.bindings[mv] else { return [] }
            let text = constants ? (Values.constantText(value, file) ?? Values.text(value, file)) : Values.text(value, file)
            let bytes = Array(text.utf8)
            guard let m = bytes.withUnsafeBufferPointer({ regex.firstMatch(in: $0) }) else { return [] }
            var out = r
            let names = regex.groupNames
            if let start = value.span.map({ file.offset($0.start) }) {
                for group in 1..<(regex.captureCount + 1) {
                    guard let g = m.group(group), let name = names.first(where: { $0.index == group })?.name else { continue }
                    let span = Span(file.position(ofOffset: start + g.lowerBound), file.position(ofOffset: start + g.upperBound))
                    out.bindings.set("$" + name, .text(String(decoding: bytes[g], as: UTF8.self), span))
                }
            }
            return [out]
        case .comparison(let expression, let mv, let strip, let base):
            let result = expression.evaluate { name in
                guard let value = r.bindings[name] else { return nil }
                if name == mv, strip || base != nil {
                    var text = Values.text(value, file)
                    if strip { text = Values.unquoted(text) }
                    return ComparisonExpression.parseInt(text, base: base ?? 10).map { .int($0) } ?? .string(text)
                }
                return Values.comparisonValue(value, file)
            }
            return result == true ? [r] : []
        case .type(let mv, let types):
            guard let value = r.bindings[mv], let type = Values.type(of: value, file) else { return [] }
            return types.contains { Values.sameType($0, type) } ? [r] : []
        case .pattern(let mv, let language, let formula):
            guard let value = r.bindings[mv] else { return [] }
            let nested = nestedMatches(value, language: language, formula: formula, context: r)
            guard !nested.isEmpty else { return [] }
            // The range survives, and once more with each nested match's bindings added.
            var out = [r]
            for n in nested {
                var copy = r
                copy.bindings = r.bindings.merging(n.bindings)
                out.append(copy)
            }
            return out
        }
    }

    private func nestedMatches(_ value: BoundValue, language: String?, formula: Formula, context: RangeMatch) -> [RangeMatch] {
        if language != nil {
            // generic / regex: the bound text (a string's content without its quotes).
            guard let span = value.span else { return [] }
            var text = Values.text(value, file)
            var base = file.offset(span.start)
            if case .expression(let e) = value, let content = e.stringValue, let at = text.range(of: content) {
                base += text.utf8.distance(from: text.startIndex, to: at.lowerBound)
                text = content
            }
            let source = LeafSource(results: [:], regexText: (text, base))
            var ctx = context
            ctx.range = SourceRange(span)
            return evaluate(formula, context: ctx, scope: source)
        }
        guard let span = value.span else { return [] }
        var leafIndexes: [Int] = []
        formula.forEachPattern { leafIndexes.append($0) }
        let scope = file.scope(containing: SourceRange(span))
        let walker = BoundValueWalker(set: set, file: file, leaves: leafIndexes, steps: stepsPerPattern)
        switch value {
        case .expression(let e): walker.expression(e, scope)
        case .statement(let s): walker.statements([s], scope)
        case .sequence(let es, _): for e in es { walker.expression(e, scope) }
        case .identifier(let name, let span):
            // A bound name (`hashlib.$H`) is matched as the name expression it stands for.
            walker.expression(Expr(.name(id: name, ctx: .load), span), scope)
        case .text: return []
        }
        if walker.exhausted { nestedProblems.append("a metavariable-pattern stopped after \(stepsPerPattern) matching steps") }
        let source = LeafSource(results: walker.results, regexText: (Values.text(value, file), file.offset(span.start)))
        var ctx = context
        ctx.range = SourceRange(span)
        return evaluate(formula, context: ctx, scope: source)
    }
}

/// Matches a few patterns inside one bound value (for `metavariable-pattern`).
final class BoundValueWalker {
    let set: RuleSet
    let leaves: [Int]
    let matcher: Matcher
    var results: [Int: [LeafMatch]] = [:]
    var exhausted = false

    init(set: RuleSet, file: TargetFile, leaves: [Int], steps: Int) {
        self.set = set
        self.leaves = leaves
        matcher = Matcher(file: file, facts: set.facts, steps: steps)
    }

    func expression(_ e: Expr, _ scope: Scope, depth: Int = 0) {
        guard depth < 3000, !matcher.exhausted else { return }
        for leaf in leaves {
            guard case .expression(let p) = set.patterns[leaf].shape else { continue }
            matcher.options = set.patterns[leaf].options
            matcher.expr(p, e, scope, Bindings()) { results[leaf, default: []].append(LeafMatch(range: SourceRange(e.span), bindings: $0)) }
        }
        exhausted = exhausted || matcher.exhausted
        ExpressionChildren.forEach(e) { expression($0, scope, depth: depth + 1) }
    }

    func statements(_ ss: [Stmt], _ scope: Scope) {
        for leaf in leaves {
            switch set.patterns[leaf].shape {
            case .statement(let p):
                for s in ss { matcher.statement(p, s, scope, Bindings()) { results[leaf, default: []].append(LeafMatch(range: SourceRange(s.span), bindings: $0)) } }
            case .sequence(let ps):
                for start in ss.indices {
                    matcher.statements(ps[...], ss[start...], flat: false, lessIsOk: true, range: nil, scope, Bindings()) { b, r in
                        if let r { results[leaf, default: []].append(LeafMatch(range: r, bindings: b)) }
                    }
                }
            case .expression:
                break
            }
        }
        for s in ss {
            for child in s.children {
                switch child {
                case .expression(let e): expression(e, scope)
                case .statement(let inner): statements([inner], scope)
                default: break
                }
            }
        }
        exhausted = exhausted || matcher.exhausted
    }
}
