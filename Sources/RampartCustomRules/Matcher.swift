import PythonSyntax
import RampartRegex

/// Matches one parsed pattern against target code with Semgrep's semantics, enumerating every
/// way it matches (each with its bindings) through a continuation. A step budget bounds the
/// work per file: patterns and files that would make matching explode end it, reported.
final class Matcher {
    typealias Continuation = (Bindings) -> Void

    let file: TargetFile
    let facts: PatternFacts
    /// Steps left; at zero every match fails and `exhausted` is set.
    var stepsLeft: Int
    private(set) var exhausted = false
    /// The rule's options: constant and symbolic propagation, commutative booleans.
    var options = CustomRule.Options()
    var constantPropagation: Bool { options.constantPropagation }
    /// How many symbolic substitutions the current match went through (bounds `x = f(x)` chains).
    private var substitutions = 0

    init(file: TargetFile, facts: PatternFacts, steps: Int) {
        self.file = file
        self.facts = facts
        self.stepsLeft = steps
    }

    func clearExhausted() { exhausted = false }

    @inline(__always) func step() -> Bool {
        stepsLeft -= 1
        if stepsLeft <= 0 {
            exhausted = true
            return false
        }
        return true
    }

    // MARK: Expressions

    func expr(_ p: Expr, _ t: Expr, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        if let mv = PatternSyntax.metavariable(p) {
            if let b2 = b.binding(mv, to: .expression(t), file: file) { k(b2) }
            return
        }
        if options.symbolicPropagation, case .name = t.kind, substitutions < 16, let value = scope.symbolicValue(of: t) {
            // `data = request.get_data(); eval(data)` is `eval(request.get_data())`.
            substitutions += 1
            expr(p, value, scope, b, k)
            substitutions -= 1
        }
        switch p.kind {
        case .constant(let value, _):
            constant(value, t, scope, b, k)
        case .name(let id, _):
            switch t.kind {
            case .name(let tid, _):
                if tid == id {
                    k(b)
                } else if let parts = scope.importedParts(tid, at: t.span.start), parts.count == 1, parts[0] == id {
                    k(b)
                }
            default: break
            }
        case .attribute(let pv, let pattr, _):
            attribute(p, pv, pattr, t, scope, b, k)
        case .call(let pf, let pargs, let pkw):
            if let inner = PatternSyntax.deepInner(p) {
                deep(inner, t, scope, b, k)
                return
            }
            guard case .call(let tf, let targs, let tkw) = t.kind else { return }
            expr(pf, tf, scope, b) { b2 in
                if pkw.isEmpty && tkw.isEmpty {
                    // Positional arguments only: the list rules of `exprs`, without building items.
                    self.exprs(pargs[...], targs[...], scope, b2, k)
                } else {
                    self.arguments(self.items(pargs, pkw)[...], self.items(targs, tkw)[...], scope, b2, k)
                }
            }
        case .boolOp(let op, let pvalues):
            // Semgrep reads `(a and b) and c` and `a and (b and c)` as `a and b and c`.
            guard case .boolOp(let top, _) = t.kind, op == top else { return }
            let patternOperands = Self.operands(p, op)
            let targetOperands = Self.operands(t, op)
            if options.commutativeBooleans, patternOperands.count == targetOperands.count, targetOperands.count <= 6 {
                for order in Self.permutations(targetOperands.count) where !exhausted {
                    exprs(patternOperands[...], order.map { targetOperands[$0] }[...], scope, b, k)
                }
            } else {
                exprs(patternOperands[...], targetOperands[...], scope, b, k)
            }
        case .namedExpr(let pt, let pv):
            guard case .namedExpr(let tt, let tv) = t.kind else { return }
            expr(pt, tt, scope, b) { self.expr(pv, tv, scope, $0, k) }
        case .binOp(let pl, let op, let pr):
            guard case .binOp(let tl, let top, let tr) = t.kind, op == top else { return }
            expr(pl, tl, scope, b) { self.expr(pr, tr, scope, $0, k) }
        case .unaryOp(let op, let po):
            guard case .unaryOp(let top, let to) = t.kind, op == top else { return }
            expr(po, to, scope, b, k)
        case .lambda(let pa, let pbody):
            guard case .lambda(let ta, let tbody) = t.kind else { return }
            parameters(pa, ta, scope, b) { self.expr(pbody, tbody, scope, $0, k) }
        case .ifExp(let pt, let pb, let po):
            guard case .ifExp(let tt, let tb, let to) = t.kind else { return }
            expr(pt, tt, scope, b) { b2 in self.expr(pb, tb, scope, b2) { self.expr(po, to, scope, $0, k) } }
        case .dict(let pkeys, let pvalues):
            guard case .dict(let tkeys, let tvalues) = t.kind else { return }
            dictEntries(Array(zip(pkeys, pvalues))[...], Array(zip(tkeys, tvalues))[...], scope, b, k)
        case .set(let pe):
            guard case .set(let te) = t.kind else { return }
            exprs(pe[...], te[...], scope, b, k)
        case .list(let pe, _):
            guard case .list(let te, _) = t.kind else { return }
            exprs(pe[...], te[...], scope, b, k)
        case .tuple(let pe, _):
            guard case .tuple(let te, _) = t.kind else { return }
            exprs(pe[...], te[...], scope, b, k)
        case .listComp(let pe, let pg):
            // Semgrep reads a generator that is a call's only argument (`any(x for x in y)`)
            // as a list comprehension.
            switch t.kind {
            case .listComp(let te, let tg):
                expr(pe, te, scope, b) { self.comprehensions(pg[...], tg[...], scope, $0, k) }
            case .generatorExp(let te, let tg) where file.isBareGenerator(t):
                expr(pe, te, scope, b) { self.comprehensions(pg[...], tg[...], scope, $0, k) }
            default: return
            }
        case .setComp(let pe, let pg):
            guard case .setComp(let te, let tg) = t.kind else { return }
            expr(pe, te, scope, b) { self.comprehensions(pg[...], tg[...], scope, $0, k) }
        case .generatorExp(let pe, let pg):
            let patternIsBare = facts.bareGenerators.contains(ObjectIdentifier(p))
            switch t.kind {
            case .generatorExp(let te, let tg) where file.isBareGenerator(t) == patternIsBare:
                expr(pe, te, scope, b) { self.comprehensions(pg[...], tg[...], scope, $0, k) }
            case .listComp(let te, let tg) where patternIsBare:
                expr(pe, te, scope, b) { self.comprehensions(pg[...], tg[...], scope, $0, k) }
            default: return
            }
        case .dictComp(let pk, let pv, let pg):
            guard case .dictComp(let tk, let tv, let tg) = t.kind else { return }
            expr(pk, tk, scope, b) { b2 in self.expr(pv, tv, scope, b2) { self.comprehensions(pg[...], tg[...], scope, $0, k) } }
        case .await(let pv):
            guard case .await(let tv) = t.kind else { return }
            expr(pv, tv, scope, b, k)
        case .yield(let pv):
            guard case .yield(let tv) = t.kind else { return }
            optional(pv, tv, scope, b, k)
        case .yieldFrom(let pv):
            guard case .yieldFrom(let tv) = t.kind else { return }
            expr(pv, tv, scope, b, k)
        case .compare(let pl, let pops, let pcs):
            guard case .compare(let tl, let tops, let tcs) = t.kind, pops == tops else { return }
            expr(pl, tl, scope, b) { self.exprs(pcs[...], tcs[...], scope, $0, k) }
        case .joinedStr(let pvalues):
            guard case .joinedStr(let tvalues) = t.kind else { return }
            formatPieces(pvalues[...], tvalues[...], scope, b, k)
        case .templateStr(let pvalues):
            guard case .templateStr(let tvalues) = t.kind else { return }
            formatPieces(pvalues[...], tvalues[...], scope, b, k)
        case .formattedValue(let pv, let pc, let ps):
            guard case .formattedValue(let tv, let tc, let ts) = t.kind, pc == tc || pc == -1 else { return }
            expr(pv, tv, scope, b) { self.optional(ps, ts, scope, $0, k) }
        case .interpolation(let pv, _, let pc, let ps):
            guard case .interpolation(let tv, _, let tc, let ts) = t.kind, pc == tc || pc == -1 else { return }
            expr(pv, tv, scope, b) { self.optional(ps, ts, scope, $0, k) }
        case .subscript(let pv, let ps, _):
            guard case .subscript(let tv, let ts, _) = t.kind else { return }
            expr(pv, tv, scope, b) { self.expr(ps, ts, scope, $0, k) }
        case .starred(let pv, _):
            guard case .starred(let tv, _) = t.kind else { return }
            expr(pv, tv, scope, b, k)
        case .slice(let pl, let pu, let ps):
            guard case .slice(let tl, let tu, let ts) = t.kind else { return }
            optional(pl, tl, scope, b) { b2 in self.optional(pu, tu, scope, b2) { self.optional(ps, ts, scope, $0, k) } }
        }
    }

    /// An optional child: both absent, or both present and matching (an absent pattern child
    /// of a slice or yield must be absent in the target too).
    private func optional(_ p: Expr?, _ t: Expr?, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        switch (p, t) {
        case (nil, nil): k(b)
        case let (p?, t?): expr(p, t, scope, b, k)
        default: break
        }
    }

    /// `<... p ...>`: `p` matches the expression or any expression inside it.
    func deep(_ p: Expr, _ t: Expr, _ scope: Scope, _ b: Bindings, intoLambdas: Bool = true, _ k: Continuation) {
        if isGround(p) {
            // Without metavariables every match gives the same bindings: one answer per subtree,
            // remembered, so nested `<... e ...>` cost the tree's size, not size × depth.
            if contains(p, t, scope, intoLambdas: intoLambdas) { k(b) }
            return
        }
        expr(p, t, scope, b, k)
        if !intoLambdas, case .lambda = t.kind { return }
        ExpressionChildren.forEach(t) { child in
            if !self.exhausted { self.deep(p, child, scope, b, intoLambdas: intoLambdas, k) }
        }
    }

    struct PairKey: Hashable {
        let pattern: ObjectIdentifier
        let target: ObjectIdentifier
        let intoLambdas: Bool
    }

    private var ground: [ObjectIdentifier: Bool] = [:]
    private var containsMemo: [PairKey: Bool] = [:]

    /// Whether a pattern expression binds nothing (no metavariable anywhere in it).
    func isGround(_ p: Expr) -> Bool {
        let key = ObjectIdentifier(p)
        if let known = ground[key] { return known }
        var free = true
        func visit(_ e: Expr, _ depth: Int) {
            guard free, depth < 500 else { return }
            if PatternSyntax.metavariable(e) != nil || PatternSyntax.sequenceVariable(e) != nil {
                free = false
                return
            }
            if case .constant(.string(let s), _) = e.kind, case .metavariable = PatternSyntax.stringPattern(s) {
                free = false
                return
            }
            if case .attribute(_, let attr, _) = e.kind, PatternSyntax.metavariable(attr) != nil {
                free = false
                return
            }
            if case .call(_, _, let keywords) = e.kind, keywords.contains(where: { $0.arg.map { PatternSyntax.metavariable($0) != nil } ?? false }) {
                free = false
                return
            }
            if case .lambda = e.kind {
                free = false  // parameters may be metavariables
                return
            }
            ExpressionChildren.forEach(e) { visit($0, depth + 1) }
        }
        visit(p, 0)
        ground[key] = free
        return free
    }

    /// Whether a ground pattern matches `t` or anything inside it.
    private func contains(_ p: Expr, _ t: Expr, _ scope: Scope, intoLambdas: Bool) -> Bool {
        let key = PairKey(pattern: ObjectIdentifier(p), target: ObjectIdentifier(t), intoLambdas: intoLambdas)
        if let known = containsMemo[key] { return known }
        var found = false
        expr(p, t, scope, Bindings()) { _ in found = true }
        if !found && !(intoLambdas == false && Self.isLambda(t)) {
            ExpressionChildren.forEach(t) { child in
                if !found && !self.exhausted { found = self.contains(p, child, scope, intoLambdas: intoLambdas) }
            }
        }
        containsMemo[key] = found
        return found
    }

    private static func isLambda(_ e: Expr) -> Bool {
        if case .lambda = e.kind { return true }
        return false
    }

    // MARK: Constants and strings

    private func constant(_ value: ConstantValue, _ t: Expr, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        if case .ellipsis = value {
            k(b)
            return
        }
        let targetValue: ConstantValue?
        switch t.kind {
        case .constant(let v, _): targetValue = v
        case .name, .binOp, .joinedStr: targetValue = constantPropagation ? scope.constantValue(of: t) : nil
        default: targetValue = nil
        }
        guard let targetValue else { return }
        var patternString: String?
        if case .string(let s) = value { patternString = s }
        if case .bytes(let bytes) = value { patternString = String(decoding: bytes, as: UTF8.self) }
        if let s = patternString {
            // Semgrep matches string patterns against bytes literals too.
            let ts: String
            switch targetValue {
            case .string(let v): ts = v
            case .bytes(let bytes): ts = String(decoding: bytes, as: UTF8.self)
            default: return
            }
            if case .joinedStr = t.kind, !constantPropagation { return }
            switch PatternSyntax.stringPattern(s) {
            case .any:
                if case .joinedStr = t.kind { return }
                k(b)
            case .literal(let literal): if literal == ts { k(b) }
            case .metavariable(let name):
                // `"$S"` binds the string's content.
                if let b2 = b.binding(name, to: .text(ts, t.span), file: file) { k(b2) }
            case .regex(let pattern):
                if facts.matches(pattern, ts) { k(b) }
            }
            return
        }
        if value == targetValue { k(b) }
    }

    /// f-string pieces: a constant piece `...` takes any run of target pieces.
    private func formatPieces(_ ps: ArraySlice<Expr>, _ ts: ArraySlice<Expr>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        if case .constant(.string(let s), _) = p.kind {
            if s == "..." {
                for n in 0...ts.count { formatPieces(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
                return
            }
            // A constant piece may start or end with `...` (`f"...{$X}"` gives the piece "...").
            guard let t = ts.first, case .constant(.string(let tsv), _) = t.kind else { return }
            let prefixAny = s.hasPrefix("...")
            let suffixAny = s.hasSuffix("...") && s.count > 3
            let core = String(s.dropFirst(prefixAny ? 3 : 0).dropLast(suffixAny ? 3 : 0))
            let ok = prefixAny && suffixAny ? tsv.contains(core) : prefixAny ? tsv.hasSuffix(core) : suffixAny ? tsv.hasPrefix(core) : tsv == core
            if ok { formatPieces(ps.dropFirst(), ts.dropFirst(), scope, b, k) }
            return
        }
        guard let t = ts.first else { return }
        expr(p, t, scope, b) { self.formatPieces(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
    }

    // MARK: Attributes and qualified names

    private func attribute(_ p: Expr, _ pv: Expr, _ pattr: String, _ t: Expr, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        if pattr == PatternText.chainName {
            // `$X. ... .` : the receiver matches `t` or anything `t` is reached through.
            var receiver: Expr? = t
            var hops = 0
            while let r = receiver, hops < 64, !exhausted {
                expr(pv, r, scope, b, k)
                receiver = Self.receiver(of: r)
                hops += 1
            }
            return
        }
        switch t.kind {
        case .attribute(let tv, let tattr, _):
            let matchedName: Bindings?
            if let mv = PatternSyntax.metavariable(pattr) {
                matchedName = b.binding(mv, to: .identifier(tattr, file.attributeNameSpan(t, tattr)), file: file)
            } else {
                matchedName = pattr == tattr ? b : nil
            }
            if let b2 = matchedName {
                if case .attribute(let inner, PatternText.chainName, _) = pv.kind {
                    // `X. ... .name` with the chain taking nothing or more.
                    var receiver: Expr? = tv
                    var hops = 0
                    while let r = receiver, hops < 64, !exhausted {
                        expr(inner, r, scope, b2, k)
                        receiver = Self.receiver(of: r)
                        hops += 1
                    }
                } else {
                    expr(pv, tv, scope, b2, k)
                }
            }
        case .name(let id, _):
            // `call` imported from `subprocess` is `subprocess.call`.
            guard let parts = scope.importedParts(id, at: t.span.start), parts.count >= 2, let chain = Self.chain(p), chain.count == parts.count else { return }
            var current: Bindings? = b
            for (piece, part) in zip(chain, parts) {
                guard let bound = current else { return }
                switch piece {
                case .literal(let name): current = name == part ? bound : nil
                case .metavariable(let mv): current = bound.binding(mv, to: .identifier(part, t.span), file: file)
                }
            }
            if let bound = current { k(bound) }
        default:
            break
        }
    }

    static func permutations(_ n: Int) -> [[Int]] {
        guard n > 1 else { return [Array(0..<n)] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// The operands of a chain of one boolean operator, nested ones flattened.
    static func operands(_ e: Expr, _ op: BoolOperator, depth: Int = 0) -> [Expr] {
        guard case .boolOp(let o, let values) = e.kind, o == op, depth < 200 else { return [e] }
        return values.flatMap { operands($0, op, depth: depth + 1) }
    }

    enum ChainPiece {
        case literal(String)
        case metavariable(String)
    }

    /// `a.$B.c` as pieces, when the pattern is only names and metavariables joined by dots.
    static func chain(_ e: Expr) -> [ChainPiece]? {
        switch e.kind {
        case .name(let id, _):
            if let mv = PatternSyntax.metavariable(id) { return [.metavariable(mv)] }
            return [.literal(id)]
        case .attribute(let value, let attr, _):
            guard attr != PatternText.chainName, let head = chain(value) else { return nil }
            if let mv = PatternSyntax.metavariable(attr) { return head + [.metavariable(mv)] }
            return head + [.literal(attr)]
        default:
            return nil
        }
    }

    /// What an access is made on: `a` of `a.b`, `a.b()` and `a[0]`.
    static func receiver(of e: Expr) -> Expr? {
        switch e.kind {
        case .attribute(let v, _, _), .subscript(let v, _, _): return v
        case .call(let f, _, _): return f
        default: return nil
        }
    }

    // MARK: Lists

    /// Elements in order; `...` takes any run, `$...X` binds one.
    func exprs(_ ps: ArraySlice<Expr>, _ ts: ArraySlice<Expr>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        if PatternSyntax.isEllipsis(p) {
            if ps.count == 1 {
                k(b)
                return
            }
            for n in 0...ts.count where !exhausted { exprs(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
            return
        }
        if let sv = PatternSyntax.sequenceVariable(p) {
            for n in 0...ts.count where !exhausted {
                let taken = Array(ts.prefix(n))
                if let b2 = b.binding(sv, to: .sequence(taken, Self.span(of: taken)), file: file) {
                    exprs(ps.dropFirst(), ts.dropFirst(n), scope, b2, k)
                }
            }
            return
        }
        guard let t = ts.first else { return }
        expr(p, t, scope, b) { self.exprs(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
    }

    static func span(of exprs: [Expr]) -> Span? {
        guard let first = exprs.first, let last = exprs.last else { return nil }
        return Span(first.span.start, last.span.end)
    }

    private func dictEntries(_ ps: ArraySlice<(Expr?, Expr)>, _ ts: ArraySlice<(Expr?, Expr)>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        if p.0 == nil, case .name(PatternText.dictDotsName, _) = p.1.kind {
            if ps.count == 1 {
                k(b)
                return
            }
            for n in 0...ts.count where !exhausted { dictEntries(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
            return
        }
        guard let t = ts.first else { return }
        switch (p.0, t.0) {
        case (nil, nil):
            expr(p.1, t.1, scope, b) { self.dictEntries(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
        case let (pk?, tk?):
            expr(pk, tk, scope, b) { b2 in
                self.expr(p.1, t.1, scope, b2) { self.dictEntries(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
            }
        default:
            break
        }
    }

    private func comprehensions(_ ps: ArraySlice<Comprehension>, _ ts: ArraySlice<Comprehension>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        guard let t = ts.first, p.isAsync == t.isAsync else { return }
        expr(p.target, t.target, scope, b) { b2 in
            self.expr(p.iter, t.iter, scope, b2) { b3 in
                self.exprs(p.ifs[...], t.ifs[...], scope, b3) { self.comprehensions(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
            }
        }
    }

    // MARK: Call arguments

    enum Item {
        case positional(Expr)
        case keyword(String?, Expr, Span)

        var start: SourcePosition {
            switch self {
            case .positional(let e): e.span.start
            case .keyword(_, _, let s): s.start
            }
        }
    }

    func items(_ args: [Expr], _ keywords: [Keyword]) -> [Item] {
        var out = args.map(Item.positional)
        if keywords.isEmpty { return out }
        out += keywords.map { Item.keyword($0.arg, $0.value, $0.span) }
        // `f(a=1, *rest)` is legal: the source order is what patterns are written against.
        if !args.isEmpty { out.sort { $0.start < $1.start } }
        return out
    }

    func arguments(_ ps: ArraySlice<Item>, _ ts: ArraySlice<Item>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        switch p {
        case .positional(let pe):
            if PatternSyntax.isEllipsis(pe) {
                if ps.count == 1 {
                    k(b)
                    return
                }
                for n in 0...ts.count where !exhausted { arguments(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
                return
            }
            if let sv = PatternSyntax.sequenceVariable(pe) {
                for n in 0...ts.count where !exhausted {
                    let taken = ts.prefix(n).map { item -> Expr in
                        switch item {
                        case .positional(let e): e
                        case .keyword(_, let e, _): e
                        }
                    }
                    let span = ts.prefix(n).isEmpty ? nil : Span(ts[ts.startIndex].start, Self.end(of: ts[ts.startIndex + n - 1]))
                    if let b2 = b.binding(sv, to: .sequence(taken, span), file: file) {
                        arguments(ps.dropFirst(), ts.dropFirst(n), scope, b2, k)
                    }
                }
                return
            }
            guard let t = ts.first, case .positional(let te) = t else { return }
            expr(pe, te, scope, b) { self.arguments(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
        case .keyword(let name, let pe, _):
            if let name, PatternSyntax.metavariable(name) == nil {
                // A keyword argument is found wherever it is among the rest.
                for index in ts.indices {
                    guard case .keyword(name?, let te, _) = ts[index] else { continue }
                    var rest = Array(ts[ts.startIndex..<index])
                    rest += ts[(index + 1)...]
                    expr(pe, te, scope, b) { self.arguments(ps.dropFirst(), rest[...], scope, $0, k) }
                    return
                }
                return
            }
            guard let t = ts.first, case .keyword(let tname, let te, let tspan) = t else { return }
            var b1: Bindings? = b
            switch (name, tname) {
            case (nil, nil): break
            case let (pn?, tn?):
                if let mv = PatternSyntax.metavariable(pn) {
                    let nameSpan = Span(tspan.start, SourcePosition(line: tspan.start.line, column: tspan.start.column + tn.utf8.count))
                    b1 = b.binding(mv, to: .identifier(tn, nameSpan), file: file)
                }
            default: b1 = nil
            }
            guard let b2 = b1 else { return }
            expr(pe, te, scope, b2) { self.arguments(ps.dropFirst(), ts.dropFirst(), scope, $0, k) }
        }
    }

    private static func end(of item: Item) -> SourcePosition {
        switch item {
        case .positional(let e): e.span.end
        case .keyword(_, _, let s): s.end
        }
    }

    // MARK: Parameters

    struct Parameter {
        var name: String
        var annotation: Expr?
        var defaultValue: Expr?
        /// 0 plain, 1 `*args`, 2 `**kwargs`.
        var star: Int
        var span: Span
    }

    static func parameters(_ a: Arguments) -> [Parameter] {
        var out: [Parameter] = []
        let positional = a.posonlyargs + a.args
        let firstDefault = positional.count - a.defaults.count
        for (i, arg) in positional.enumerated() {
            let defaultValue: Expr?
            if let perParameter = a.patternDefaults, a.posonlyargs.isEmpty, i < perParameter.count {
                defaultValue = perParameter[i]
            } else {
                defaultValue = i >= firstDefault ? a.defaults[i - firstDefault] : nil
            }
            out.append(Parameter(name: arg.arg, annotation: arg.annotation, defaultValue: defaultValue, star: 0, span: arg.span))
        }
        if let v = a.vararg { out.append(Parameter(name: v.arg, annotation: v.annotation, defaultValue: nil, star: 1, span: v.span)) }
        for (i, arg) in a.kwonlyargs.enumerated() {
            out.append(Parameter(name: arg.arg, annotation: arg.annotation, defaultValue: i < a.kwDefaults.count ? a.kwDefaults[i] : nil, star: 0, span: arg.span))
        }
        if let v = a.kwarg { out.append(Parameter(name: v.arg, annotation: v.annotation, defaultValue: nil, star: 2, span: v.span)) }
        return out
    }

    func parameters(_ p: Arguments, _ t: Arguments, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        // `(...)`: any parameters, nothing to compare.
        if p.args.count == 1, p.posonlyargs.isEmpty, p.kwonlyargs.isEmpty, p.vararg == nil, p.kwarg == nil,
           PatternSyntax.isDots(p.args[0].arg), p.args[0].annotation == nil, p.defaults.isEmpty {
            k(b)
            return
        }
        parameterList(Self.parameters(p)[...], Self.parameters(t)[...], scope, b, k)
    }

    private func parameterList(_ ps: ArraySlice<Parameter>, _ ts: ArraySlice<Parameter>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        if p.star == 0 && PatternSyntax.isDots(p.name) {
            if ps.count == 1 {
                k(b)
                return
            }
            for n in 0...ts.count where !exhausted { parameterList(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
            return
        }
        if p.star == 0, let sv = PatternSyntax.sequenceVariable(p.name) {
            for n in 0...ts.count where !exhausted {
                let taken = ts.prefix(n)
                let span = taken.isEmpty ? nil : Span(taken.first!.span.start, taken.last!.span.end)
                let value: BoundValue = span.map { .identifier(taken.map(\.name).joined(separator: ", "), $0) } ?? .sequence([], nil)
                if let b2 = b.binding(sv, to: value, file: file) { parameterList(ps.dropFirst(), ts.dropFirst(n), scope, b2, k) }
            }
            return
        }
        guard let t = ts.first, p.star == t.star else { return }
        let named: Bindings?
        if let mv = PatternSyntax.metavariable(p.name) {
            named = b.binding(mv, to: .identifier(t.name, t.span), file: file)
        } else {
            named = p.name == t.name ? b : nil
        }
        guard let b1 = named else { return }
        func rest(_ b3: Bindings) { self.parameterList(ps.dropFirst(), ts.dropFirst(), scope, b3, k) }
        func afterAnnotation(_ b2: Bindings) {
            if let pd = p.defaultValue {
                guard let td = t.defaultValue else { return }
                self.expr(pd, td, scope, b2, rest)
            } else {
                rest(b2)
            }
        }
        if let pa = p.annotation {
            guard let ta = t.annotation else { return }
            expr(pa, ta, scope, b1, afterAnnotation)
        } else {
            afterAnnotation(b1)
        }
    }
}

/// What every file's matching shares of the patterns: compiled regular expressions of
/// `"=~/…/"` strings, and the patterns' generators that are a call's only argument.
final class PatternFacts: @unchecked Sendable {
    private var compiled: [String: ByteRegex] = [:]
    var bareGenerators: Set<ObjectIdentifier> = []

    /// Compiles `pattern` ahead of matching; the message when it does not compile.
    func add(_ pattern: String) -> String? {
        if compiled[pattern] != nil { return nil }
        do throws(ByteRegex.CompileError) {
            compiled[pattern] = try ByteRegex(pattern)
            return nil
        } catch {
            return error.description
        }
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = compiled[pattern] else { return false }
        return regex.firstMatch(in: text) != nil
    }

    func regex(_ pattern: String) -> ByteRegex? { compiled[pattern] }
}

/// The expressions directly inside an expression, without allocating.
enum ExpressionChildren {
    static func forEach(_ e: Expr, _ body: (Expr) -> Void) {
        switch e.kind {
        case .boolOp(_, let values): for v in values { body(v) }
        case .namedExpr(let t, let v): body(t); body(v)
        case .binOp(let l, _, let r): body(l); body(r)
        case .unaryOp(_, let o): body(o)
        case .lambda(let args, let b):
            for d in args.defaults { body(d) }
            for case let d? in args.kwDefaults { body(d) }
            body(b)
        case .ifExp(let t, let b, let o): body(t); body(b); body(o)
        case .dict(let keys, let values):
            for (k, v) in zip(keys, values) {
                if let k { body(k) }
                body(v)
            }
        case .set(let elts), .list(let elts, _), .tuple(let elts, _): for x in elts { body(x) }
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            body(elt)
            generators(gens, body)
        case .dictComp(let k, let v, let gens):
            body(k); body(v)
            generators(gens, body)
        case .await(let v), .yieldFrom(let v), .starred(let v, _), .attribute(let v, _, _): body(v)
        case .yield(let v): if let v { body(v) }
        case .compare(let l, _, let cs): body(l); for c in cs { body(c) }
        case .call(let f, let args, let keywords):
            body(f)
            for a in args { body(a) }
            for k in keywords { body(k.value) }
        case .formattedValue(let v, _, let s), .interpolation(let v, _, _, let s):
            body(v)
            if let s { body(s) }
        case .joinedStr(let values), .templateStr(let values): for v in values { body(v) }
        case .subscript(let v, let s, _): body(v); body(s)
        case .slice(let l, let u, let s):
            if let l { body(l) }
            if let u { body(u) }
            if let s { body(s) }
        case .constant, .name: break
        }
    }

    private static func generators(_ gens: [Comprehension], _ body: (Expr) -> Void) {
        for g in gens {
            body(g.target)
            body(g.iter)
            for i in g.ifs { body(i) }
        }
    }
}
