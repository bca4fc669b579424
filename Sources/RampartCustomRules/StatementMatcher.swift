import PythonSyntax

extension Matcher {
    typealias RangeContinuation = (Bindings, SourceRange?) -> Void

    /// A pattern's statements against a run of target statements, Semgrep's way: `...` skips
    /// statements of the same block, or goes deeper into the blocks of the statements it skips;
    /// the range covers every statement taken, skipped ones included. With `lessIsOk` (a
    /// pattern's top level) statements may follow the match; with `trailingRanges` a final `...`
    /// gives one match per run of statements it can take.
    func statements(_ ps: ArraySlice<Stmt>, _ ts: ArraySlice<Stmt>, flat: Bool, lessIsOk: Bool, range: SourceRange?,
                    _ scope: Scope, _ b: Bindings, _ k: RangeContinuation) {
        guard step() else { return }
        guard let p = ps.first else {
            if ts.isEmpty || lessIsOk { k(b, range) }
            return
        }
        if PatternSyntax.isEllipsis(p) {
            if ps.count == 1 {
                if lessIsOk {
                    var r = range
                    k(b, r)
                    for t in ts {
                        r = Self.union(r, Self.fullSpan(t))
                        k(b, r)
                    }
                } else {
                    k(b, ts.reduce(range) { Self.union($0, Self.fullSpan($1)) })
                }
                return
            }
            var r = range
            for n in 0...ts.count where !exhausted {
                if n > 0 { r = Self.union(r, Self.fullSpan(ts[ts.startIndex + n - 1])) }
                statements(ps.dropFirst(), ts.dropFirst(n), flat: flat, lessIsOk: lessIsOk, range: r, scope, b, k)
            }
            if !flat && !ts.isEmpty && !exhausted {
                var flattened: [Stmt] = []
                StatementChildren.flatten(ts, into: &flattened)
                if flattened.count > ts.count || !lessIsOk {
                    var r = range
                    for n in 0...flattened.count where !exhausted {
                        if n > 0 { r = Self.union(r, Self.fullSpan(flattened[n - 1])) }
                        // Only continuations that reach into a nested block are new.
                        statements(ps.dropFirst(), flattened[n...], flat: true, lessIsOk: true, range: r, scope, b, k)
                    }
                }
            }
            return
        }
        guard let t = ts.first else { return }
        statement(p, t, scope, b) { b2 in
            self.statements(ps.dropFirst(), ts.dropFirst(), flat: flat, lessIsOk: lessIsOk, range: Self.union(range, Self.fullSpan(t)), scope, b2, k)
        }
    }

    /// A statement's range as Semgrep reports it: a decorated definition starts at its first decorator.
    static func fullSpan(_ s: Stmt) -> Span {
        switch s.kind {
        case .functionDef(let f) where !f.decorators.isEmpty:
            return Span(at(f.decorators[0].span.start), s.span.end)
        case .classDef(_, _, _, _, let decorators, _) where !decorators.isEmpty:
            return Span(at(decorators[0].span.start), s.span.end)
        default:
            return s.span
        }
    }

    /// The `@` before a decorator's expression.
    private static func at(_ p: SourcePosition) -> SourcePosition {
        SourcePosition(line: p.line, column: max(0, p.column - 1))
    }

    static func union(_ range: SourceRange?, _ span: Span) -> SourceRange {
        guard let range else { return SourceRange(span) }
        return SourceRange(min(range.start, span.start), max(range.end, span.end))
    }

    /// A block of a compound statement: all of it must match.
    func block(_ ps: [Stmt], _ ts: [Stmt], _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        statements(ps[...], ts[...], flat: false, lessIsOk: false, range: nil, scope, b) { b2, _ in k(b2) }
    }

    /// One pattern statement against one target statement.
    func statement(_ p: Stmt, _ t: Stmt, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard step() else { return }
        switch p.kind {
        case .expr(let pe):
            if let mv = PatternSyntax.metavariable(pe) {
                let value: BoundValue
                if case .expr(let te) = t.kind { value = .expression(te) } else { value = .statement(t) }
                if let b2 = b.binding(mv, to: value, file: file) { k(b2) }
                return
            }
            // An expression statement of a pattern matches a simple statement with the
            // expression anywhere in it (`foo()` matches `x = foo()` and `return bar(foo())`).
            switch t.kind {
            case .expr(let te): deep(pe, te, scope, b, intoLambdas: false, k)
            case .assign(let targets, let value):
                for target in targets { deep(pe, target, scope, b, intoLambdas: false, k) }
                deep(pe, value, scope, b, intoLambdas: false, k)
            case .augAssign(let target, _, let value):
                deep(pe, target, scope, b, intoLambdas: false, k)
                deep(pe, value, scope, b, intoLambdas: false, k)
            case .annAssign(let target, _, let value?, _):
                deep(pe, target, scope, b, intoLambdas: false, k)
                deep(pe, value, scope, b, intoLambdas: false, k)
            case .return(let value?):
                deep(pe, value, scope, b, intoLambdas: false, k)
            default:
                break
            }
        case .assign(let ptargets, let pvalue):
            switch t.kind {
            case .assign(let ttargets, let tvalue):
                exprs(ptargets[...], ttargets[...], scope, b) { self.expr(pvalue, tvalue, scope, $0, k) }
                guard ptargets.count == 1 else { return }
                // Semgrep's view of `a = b = v`: `$K = v` matches with `$K` the first target, and
                // a pattern with a written target (`self.$A = $V`) does not match it.
                if ttargets.count > 1, PatternSyntax.metavariable(ptargets[0]) != nil {
                    expr(ptargets[0], ttargets[0], scope, b) { self.expr(pvalue, tvalue, scope, $0, k) }
                }
                // `a, b = x, y` is `a = x` and `b = y`.
                if ttargets.count == 1, case .tuple(let names, _) = ttargets[0].kind, case .tuple(let values, _) = tvalue.kind,
                   names.count == values.count, names.count > 1 {
                    if case .tuple = ptargets[0].kind { return }
                    for (name, value) in zip(names, values) {
                        expr(ptargets[0], name, scope, b) { self.expr(pvalue, value, scope, $0, k) }
                    }
                }
            case .annAssign(let ttarget, _, let tvalue?, _) where ptargets.count == 1:
                expr(ptargets[0], ttarget, scope, b) { self.expr(pvalue, tvalue, scope, $0, k) }
            default:
                break
            }
        case .augAssign(let ptarget, let op, let pvalue):
            guard case .augAssign(let ttarget, let top, let tvalue) = t.kind, op == top else { return }
            expr(ptarget, ttarget, scope, b) { self.expr(pvalue, tvalue, scope, $0, k) }
        case .annAssign(let ptarget, let pann, let pvalue, _):
            guard case .annAssign(let ttarget, let tann, let tvalue, _) = t.kind else { return }
            expr(ptarget, ttarget, scope, b) { b2 in
                self.expr(pann, tann, scope, b2) { b3 in
                    if let pvalue {
                        guard let tvalue else { return }
                        self.expr(pvalue, tvalue, scope, b3, k)
                    } else {
                        k(b3)
                    }
                }
            }
        case .return(let pv):
            guard case .return(let tv) = t.kind else { return }
            switch (pv, tv) {
            case (nil, nil): k(b)
            case let (pv?, tv?): expr(pv, tv, scope, b, k)
            default: break
            }
        case .delete(let pt):
            guard case .delete(let tt) = t.kind else { return }
            exprs(pt[...], tt[...], scope, b, k)
        case .raise(let pe, let pc):
            guard case .raise(let te, let tc) = t.kind else { return }
            optionalLoose(pe, te, scope, b) { self.optionalLoose(pc, tc, scope, $0, k) }
        case .assert(let pt, let pm):
            // `assert $X` does not match `assert x, "message"`.
            guard case .assert(let tt, let tm) = t.kind, (pm == nil) == (tm == nil) else { return }
            expr(pt, tt, scope, b) { self.optionalLoose(pm, tm, scope, $0, k) }
        case .if(let ptest, let pbody, let porelse):
            guard case .if(let ttest, let tbody, let torelse) = t.kind else { return }
            expr(ptest, ttest, scope, b) { b2 in
                self.block(pbody, tbody, scope, b2) { b3 in
                    if porelse.isEmpty { k(b3) } else { self.block(porelse, torelse, scope, b3, k) }
                }
            }
        case .while(let ptest, let pbody, let porelse):
            // Unlike `if`, a loop or `try` without `else`/`finally` does not match one with it.
            guard case .while(let ttest, let tbody, let torelse) = t.kind, porelse.isEmpty == torelse.isEmpty else { return }
            expr(ptest, ttest, scope, b) { b2 in
                self.block(pbody, tbody, scope, b2) { b3 in
                    if porelse.isEmpty { k(b3) } else { self.block(porelse, torelse, scope, b3, k) }
                }
            }
        case .for(let ptarget, let piter, let pbody, let porelse, let pasync):
            guard case .for(let ttarget, let titer, let tbody, let torelse, let tasync) = t.kind, !pasync || tasync,
                  porelse.isEmpty == torelse.isEmpty else { return }
            expr(ptarget, ttarget, scope, b) { b2 in
                self.expr(piter, titer, scope, b2) { b3 in
                    self.block(pbody, tbody, scope, b3) { b4 in
                        if porelse.isEmpty { k(b4) } else { self.block(porelse, torelse, scope, b4, k) }
                    }
                }
            }
        case .with(let pitems, let pbody, let pasync):
            guard case .with(let titems, let tbody, let tasync) = t.kind, !pasync || tasync else { return }
            withItems(pitems[...], titems[...], scope, b) { self.block(pbody, tbody, scope, $0, k) }
        case .try(let pbody, let phandlers, let porelse, let pfinal, _):
            guard case .try(let tbody, let thandlers, let torelse, let tfinal, _) = t.kind,
                  porelse.isEmpty == torelse.isEmpty, pfinal.isEmpty == tfinal.isEmpty else { return }
            block(pbody, tbody, scope, b) { b2 in
                self.handlers(phandlers[...], thandlers[...], scope, b2) { b3 in
                    func afterElse(_ b4: Bindings) {
                        if pfinal.isEmpty { k(b4) } else { self.block(pfinal, tfinal, scope, b4, k) }
                    }
                    if porelse.isEmpty { afterElse(b3) } else { self.block(porelse, torelse, scope, b3, afterElse) }
                }
            }
        case .functionDef(let pf):
            // `def` also matches `async def`; `async def` only that.
            guard case .functionDef(let tf) = t.kind, !pf.isAsync || tf.isAsync else { return }
            let named: Bindings?
            if let mv = PatternSyntax.metavariable(pf.name) {
                named = b.binding(mv, to: .identifier(tf.name, file.definitionNameSpan(t, tf.name)), file: file)
            } else {
                named = pf.name == tf.name ? b : nil
            }
            guard let b1 = named else { return }
            let inner = file.scope(of: t) ?? scope
            decorators(pf.decorators[...], tf.decorators, scope, b1) { b2 in
                self.parameters(pf.args, tf.args, scope, b2) { b3 in
                    func body(_ b4: Bindings) { self.block(pf.body, tf.body, inner, b4, k) }
                    if let pr = pf.returns {
                        guard let tr = tf.returns else { return }
                        self.expr(pr, tr, scope, b3, body)
                    } else {
                        body(b3)
                    }
                }
            }
        case .classDef(let pname, let pbases, let pkw, let pbody, let pdecorators, _):
            guard case .classDef(let tname, let tbases, let tkw, let tbody, let tdecorators, _) = t.kind else { return }
            let named: Bindings?
            if let mv = PatternSyntax.metavariable(pname) {
                named = b.binding(mv, to: .identifier(tname, file.definitionNameSpan(t, tname)), file: file)
            } else {
                named = pname == tname ? b : nil
            }
            guard let b1 = named else { return }
            let inner = file.scope(of: t) ?? scope
            decorators(pdecorators[...], tdecorators, scope, b1) { b2 in
                func bases(_ b3: Bindings) {
                    self.arguments(self.items(pbases, pkw)[...], self.items(tbases, tkw)[...], scope, b3) { self.block(pbody, tbody, inner, $0, k) }
                }
                // `class $C:` says nothing of bases.
                if pbases.isEmpty && pkw.isEmpty { self.block(pbody, tbody, inner, b2, k) } else { bases(b2) }
            }
        case .import(let pnames):
            switch t.kind {
            case .import(let tnames):
                aliases(pnames, tnames, b, k)
            case .importFrom(let module?, _, 0) where pnames.count == 1 && pnames[0].asname == nil:
                // Semgrep: `import pickle` also matches `from pickle import loads`.
                if let mv = PatternSyntax.metavariable(pnames[0].name) {
                    if let b2 = b.binding(mv, to: .identifier(module, t.span), file: file) { k(b2) }
                } else if pnames[0].name == module {
                    k(b)
                }
            default:
                return
            }
        case .importFrom(let pmodule, let pnames, let plevel):
            guard case .importFrom(let tmodule, let tnames, let tlevel) = t.kind else { return }
            // A relative module is its dots and name (`from .events import *` has `.events`).
            let written = String(repeating: ".", count: tlevel) + (tmodule ?? "")
            let moduleMatched: Bindings?
            if let pm = pmodule, let mv = PatternSyntax.metavariable(pm), plevel == 0 {
                moduleMatched = written.isEmpty ? nil : b.binding(mv, to: .identifier(written, t.span), file: file)
            } else {
                moduleMatched = plevel == tlevel && pmodule == tmodule ? b : nil
            }
            guard let b1 = moduleMatched else { return }
            aliases(pnames, tnames, b1, k)
        case .global(let pn), .nonlocal(let pn):
            // Semgrep reads `global` and `nonlocal` alike; one name stands for any of the target's.
            switch t.kind {
            case .global(let tn), .nonlocal(let tn):
                if pn.count == 1 && tn.count > 1 {
                    for name in tn { names(pn, [name], t.span, b, k) }
                } else {
                    names(pn, tn, t.span, b, k)
                }
            default: return
            }
        case .pass:
            if case .pass = t.kind { k(b) }
        case .break:
            if case .break = t.kind { k(b) }
        case .continue:
            if case .continue = t.kind { k(b) }
        case .typeAlias, .match:
            if Structural.equal(p, t) { k(b) }
        }
    }

    /// The names of `global`/`nonlocal`, metavariables binding them.
    private func names(_ ps: [String], _ ts: [String], _ span: Span, _ b: Bindings, _ k: Continuation) {
        guard ps.count == ts.count else { return }
        var current: Bindings? = b
        for (p, t) in zip(ps, ts) {
            guard let bound = current else { return }
            if let mv = PatternSyntax.metavariable(p) {
                current = bound.binding(mv, to: .identifier(t, span), file: file)
            } else if p != t {
                current = nil
            }
        }
        if let bound = current { k(bound) }
    }

    /// An optional child where an absent pattern child matches anything.
    private func optionalLoose(_ p: Expr?, _ t: Expr?, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard let p else {
            k(b)
            return
        }
        guard let t else { return }
        expr(p, t, scope, b, k)
    }

    private func withItems(_ ps: ArraySlice<WithItem>, _ ts: ArraySlice<WithItem>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard let p = ps.first else {
            if ts.isEmpty { k(b) }
            return
        }
        if PatternSyntax.isEllipsis(p.contextExpr) && p.optionalVars == nil {
            for n in 0...ts.count where !exhausted { withItems(ps.dropFirst(), ts.dropFirst(n), scope, b, k) }
            return
        }
        guard let t = ts.first else { return }
        expr(p.contextExpr, t.contextExpr, scope, b) { b2 in
            func rest(_ b3: Bindings) { self.withItems(ps.dropFirst(), ts.dropFirst(), scope, b3, k) }
            if let pv = p.optionalVars {
                guard let tv = t.optionalVars else { return }
                self.expr(pv, tv, scope, b2, rest)
            } else {
                rest(b2)
            }
        }
    }

    /// Each pattern handler matches a handler of the target, in order; the target may have more.
    private func handlers(_ ps: ArraySlice<ExceptHandler>, _ ts: ArraySlice<ExceptHandler>, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard let p = ps.first else {
            k(b)
            return
        }
        for index in ts.indices where !exhausted {
            handler(p, ts[index], scope, b) { self.handlers(ps.dropFirst(), ts[(index + 1)...], scope, $0, k) }
        }
    }

    private func handler(_ p: ExceptHandler, _ t: ExceptHandler, _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        func afterType(_ b2: Bindings) {
            var b3: Bindings? = b2
            switch (p.name, t.name) {
            case (nil, nil): break
            case let (pn?, tn?):
                if let mv = PatternSyntax.metavariable(pn) { b3 = b2.binding(mv, to: .identifier(tn, t.span), file: file) } else if pn != tn { b3 = nil }
            default: b3 = nil
            }
            guard let b4 = b3 else { return }
            self.block(p.body, t.body, scope, b4, k)
        }
        switch (p.type, t.type) {
        case (nil, nil): afterType(b)
        case let (pt?, nil) where PatternSyntax.isEllipsis(pt):
            // `except ...:` also covers a bare `except:`.
            afterType(b)
        case let (pt?, tt?):
            // A metavariable stands for one exception class, not a tuple of them (as in Semgrep).
            if PatternSyntax.metavariable(pt) != nil, case .tuple = tt.kind { return }
            expr(pt, tt, scope, b, afterType)
        default: break
        }
    }

    /// Each pattern decorator matches a different decorator of the target, in any order.
    private func decorators(_ ps: ArraySlice<Expr>, _ ts: [Expr], _ scope: Scope, _ b: Bindings, _ k: Continuation) {
        guard let p = ps.first else {
            k(b)
            return
        }
        for (i, t) in ts.enumerated() where !exhausted {
            var rest = ts
            rest.remove(at: i)
            expr(p, t, scope, b) { self.decorators(ps.dropFirst(), rest, scope, $0, k) }
            // `@login_required` also matches `@login_required()`.
            if case .call(let f, let args, let keywords) = t.kind, args.isEmpty, keywords.isEmpty {
                switch p.kind {
                case .name, .attribute: expr(p, f, scope, b) { self.decorators(ps.dropFirst(), rest, scope, $0, k) }
                default: break
                }
            }
        }
    }

    /// `import a` matches an import statement naming `a` (with the same `as` name if the pattern has one).
    private func aliases(_ ps: [Alias], _ ts: [Alias], _ b: Bindings, _ k: Continuation) {
        func each(_ i: Int, _ b: Bindings, _ used: Set<Int>) {
            guard i < ps.count else {
                k(b)
                return
            }
            let p = ps[i]
            for (j, t) in ts.enumerated() where !used.contains(j) {
                var b1: Bindings? = b
                if let mv = PatternSyntax.metavariable(p.name) {
                    b1 = b.binding(mv, to: .identifier(t.name, t.span), file: file)
                } else if p.name != t.name {
                    b1 = nil
                }
                if let pa = p.asname, let current = b1 {
                    if let mv = PatternSyntax.metavariable(pa) {
                        b1 = t.asname.flatMap { current.binding(mv, to: .identifier($0, t.span), file: file) }
                    } else if pa != t.asname {
                        b1 = nil
                    }
                }
                if let b2 = b1 { each(i + 1, b2, used.union([j])) }
            }
        }
        each(0, b, [])
    }
}

extension TargetFile {
    /// The span of a function's or class's name: the first occurrence after its keyword.
    func definitionNameSpan(_ statement: Stmt, _ name: String) -> Span {
        let start = offset(statement.span.start)
        let limit = min(source.count, start + 4096)
        let needle = Array(name.utf8)
        var i = start
        // Skip the keyword (`def`, `async def`, `class`) and find the name.
        while i + needle.count <= limit {
            if source[i] == needle.first, Array(source[i..<(i + needle.count)]) == needle,
               i > start, source[i - 1] == UInt8(ascii: " ") || source[i - 1] == UInt8(ascii: "\t") {
                return Span(position(ofOffset: i), position(ofOffset: i + needle.count))
            }
            i += 1
        }
        return statement.span
    }
}

/// The statements nested in statements.
enum StatementChildren {
    /// Each statement followed by the statements of its blocks, in source order.
    static func flatten(_ statements: ArraySlice<Stmt>, into out: inout [Stmt], depth: Int = 0) {
        for s in statements {
            out.append(s)
            guard depth < 100 else { continue }
            forEachBlock(s) { flatten($0[...], into: &out, depth: depth + 1) }
        }
    }

    static func forEachBlock(_ s: Stmt, _ body: ([Stmt]) -> Void) {
        switch s.kind {
        case .functionDef(let f): body(f.body)
        case .classDef(_, _, _, let b, _, _): body(b)
        // Semgrep does not look into `async for` and `async with` blocks.
        case .for(_, _, _, _, true), .with(_, _, true): break
        case .for(_, _, let b, let o, _), .while(_, let b, let o), .if(_, let b, let o):
            body(b)
            if !o.isEmpty { body(o) }
        case .with(_, let b, _): body(b)
        case .match(_, let cases): for c in cases { body(c.body) }
        case .try(let b, let handlers, let o, let f, _):
            body(b)
            for h in handlers { body(h.body) }
            if !o.isEmpty { body(o) }
            if !f.isEmpty { body(f) }
        default: break
        }
    }
}
