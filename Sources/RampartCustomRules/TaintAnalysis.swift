import PythonSyntax

/// Taint mode on one file, with Semgrep's semantics: a forward dataflow over each function
/// (the module's top level is one too) from the places a source matches to those a sink
/// matches, through assignments, calls (a call's result carries its arguments' and receiver's
/// taint), operators, containers and attribute paths, cut by sanitizers.
///
/// Python's control flow is structured, so the fixpoint is computed over the statements
/// themselves: branches are joined, loops iterate until their state is stable, `break`,
/// `continue`, `return` and `raise` carry their state to where control goes, and an `except`
/// handler starts from any state its `try` body passes through.
final class TaintAnalysis {
    struct SinkHit {
        var sink: RangeMatch
        var taint: Taint
    }

    private let file: TargetFile
    private let sources: [RangeMatch]
    private var sourceAt: [SourceRange: Taint] = [:]
    private var sideEffectSourceAt: [SourceRange: (Taint, TaintSpec.SideEffect)] = [:]
    private var sanitizerAt: [SourceRange: TaintSpec.SideEffect] = [:]
    private var sinks: [(match: RangeMatch, exact: Bool)] = []
    private var propagatorAt: [SourceRange: [(from: Expr, to: Expr)]] = [:]
    private var hits: [Int: Taint] = [:]
    /// Each expression's taint the last time it was evaluated (for propagators' `from`).
    private var lastTaint: [ObjectIdentifier: Taint] = [:]

    /// Work left; at zero the analysis stops and says so.
    private var steps: Int
    private(set) var exhausted = false

    // Control flow: where `break`/`continue` states go, and what an `except` may start from.
    private var loops: [(breaks: TaintState?, continues: TaintState?)] = []
    private var handlers: [TaintState?] = []
    /// The module's state where the function being analysed was defined (its globals' taint).
    private var globals: TaintState?
    /// Functions to analyse, with the globals' taint where they are defined.
    private var pending: [(function: Stmt, env: TaintState?)] = []
    private var pendingIndex: [ObjectIdentifier: Int] = [:]

    init(file: TargetFile, spec: TaintSpec, matches: (sources: [[RangeMatch]], sinks: [[RangeMatch]], sanitizers: [[RangeMatch]], propagators: [[RangeMatch]]), steps: Int) {
        self.file = file
        self.steps = steps
        var sources: [RangeMatch] = []
        for (spec, found) in zip(spec.sources, matches.sources) {
            for match in found {
                let origin = sources.count
                sources.append(match)
                if spec.sideEffect == .no {
                    sourceAt[match.range, default: []].formUnion([origin])
                } else {
                    sideEffectSourceAt[match.range, default: ([], spec.sideEffect)].0.formUnion([origin])
                }
            }
        }
        self.sources = sources
        for (spec, found) in zip(spec.sanitizers, matches.sanitizers) {
            for match in found where sanitizerAt[match.range] == nil || spec.sideEffect != .no {
                sanitizerAt[match.range] = spec.sideEffect
            }
        }
        for (spec, found) in zip(spec.sinks, matches.sinks) {
            for match in found { sinks.append((match, spec.exact)) }
        }
        for (spec, found) in zip(spec.propagators, matches.propagators) {
            for match in found {
                guard case .expression(let from)? = match.bindings[spec.from], case .expression(let to)? = match.bindings[spec.to] else { continue }
                propagatorAt[match.range, default: []].append((from, to))
            }
        }
    }

    /// The sinks tainted data reaches, each with the sources it may come from.
    func run() -> [SinkHit] {
        guard !sinks.isEmpty, !sourceAt.isEmpty || !sideEffectSourceAt.isEmpty else { return [] }
        var state: TaintState? = TaintState()
        block(file.module.body, &state)
        var next = 0
        while next < pending.count, !exhausted {
            let (function, env) = pending[next]
            next += 1
            analyse(function, env: env)
        }
        return hits.keys.sorted().map { SinkHit(sink: sinks[$0].match, taint: hits[$0] ?? []) }
    }

    /// The source matches (for a finding's bindings and trace).
    func source(_ origin: Int) -> RangeMatch { sources[origin] }

    private func step() -> Bool {
        steps -= 1
        if steps <= 0 { exhausted = true }
        return !exhausted
    }

    // MARK: Functions

    private func enqueue(_ function: Stmt, env: TaintState?) {
        let key = ObjectIdentifier(function)
        if let index = pendingIndex[key] {
            pending[index].env = TaintState.join(pending[index].env, env)
        } else {
            pendingIndex[key] = pending.count
            pending.append((function, env))
        }
    }

    private func analyse(_ function: Stmt, env: TaintState?) {
        guard case .functionDef(let f) = function.kind else { return }
        // The names the function binds are its own: the module's values of them do not apply,
        // here or in functions nested in it.
        let visible = (env ?? TaintState()).removing(LocalNames.of(f))
        var state: TaintState? = visible
        let saved = (globals, loops, handlers)
        globals = visible
        loops = []
        handlers = []
        parameters(f.args, defaults: defaultTaints[ObjectIdentifier(function)] ?? [:], &state)
        block(f.body, &state)
        (globals, loops, handlers) = saved
    }

    /// Each parameter's default's taint, from where its function is defined.
    private var defaultTaints: [ObjectIdentifier: [String: Taint]] = [:]

    /// Parameters hide outer names; one is tainted by a tainted default or a source matching it.
    private func parameters(_ a: Arguments, defaults: [String: Taint], _ state: inout TaintState?) {
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap({ $0 }) {
            var taint = defaults[arg.arg] ?? []
            if let origins = sourceAt[SourceRange(arg.span)] { taint.formUnion(origins) }
            if let (origins, _) = sideEffectSourceAt[SourceRange(arg.span)] { taint.formUnion(origins) }
            state?.write([arg.arg], taint, strong: true)
        }
    }

    /// Evaluates a function's decorators and defaults where it is defined, and queues its body.
    private func define(_ statement: Stmt, _ f: Stmt.FunctionDef, _ state: inout TaintState?) {
        for d in f.decorators { _ = evaluate(d, &state) }
        var defaults: [String: Taint] = [:]
        let positional = f.args.posonlyargs + f.args.args
        for (arg, value) in zip(positional.suffix(f.args.defaults.count), f.args.defaults) {
            let t = evaluate(value, &state)
            if !t.isEmpty { defaults[arg.arg] = t }
        }
        for (arg, value) in zip(f.args.kwonlyargs, f.args.kwDefaults) {
            guard let value else { continue }
            let t = evaluate(value, &state)
            if !t.isEmpty { defaults[arg.arg] = t }
        }
        defaultTaints[ObjectIdentifier(statement), default: [:]].merge(defaults) { $0.union($1) }
        // A function sees the module's names as they are where it is defined (a nested one,
        // those its enclosing function saw), not its enclosing function's locals.
        enqueue(statement, env: globals ?? state)
        state?.kill([f.name])
    }

    // MARK: Statements

    private func block(_ statements: [Stmt], _ state: inout TaintState?) {
        for s in statements {
            guard state != nil, step() else { return }
            statement(s, &state)
            if !handlers.isEmpty { handlers[handlers.count - 1] = TaintState.join(handlers[handlers.count - 1], state) }
        }
    }

    private func statement(_ s: Stmt, _ state: inout TaintState?) {
        switch s.kind {
        case .expr(let value):
            _ = evaluate(value, &state)
        case .assign(let targets, let value):
            let t = evaluate(value, &state)
            for target in targets { bind(target, t, &state) }
        case .annAssign(let target, let annotation, let value, _):
            _ = evaluate(annotation, &state)
            if let value { bind(target, evaluate(value, &state), &state) }
        case .augAssign(let target, _, let value):
            let t = evaluate(target, &state).union(evaluate(value, &state))
            bind(target, t, &state)
        case .typeAlias(let name, _, let value):
            _ = evaluate(value, &state)
            bind(name, [], &state)
        case .return(let value):
            if let value { _ = evaluate(value, &state) }
            state = nil
        case .raise(let exc, let cause):
            if let exc { _ = evaluate(exc, &state) }
            if let cause { _ = evaluate(cause, &state) }
            if !handlers.isEmpty { handlers[handlers.count - 1] = TaintState.join(handlers[handlers.count - 1], state) }
            state = nil
        case .delete(let targets):
            // Semgrep keeps a deleted name's taint (reading it would fail anyway).
            for target in targets { _ = evaluate(target, &state) }
        case .assert(let test, let message):
            _ = evaluate(test, &state)
            if let message { _ = evaluate(message, &state) }
        case .import, .importFrom, .global, .nonlocal, .pass:
            // An import rebinding a tainted name keeps its taint, as in Semgrep.
            break
        case .break:
            if !loops.isEmpty { loops[loops.count - 1].breaks = TaintState.join(loops[loops.count - 1].breaks, state) }
            state = nil
        case .continue:
            if !loops.isEmpty { loops[loops.count - 1].continues = TaintState.join(loops[loops.count - 1].continues, state) }
            state = nil
        case .if(let test, let body, let orelse):
            _ = evaluate(test, &state)
            var other = state
            block(body, &state)
            block(orelse, &other)
            state = TaintState.join(state, other)
        case .while(let test, let body, let orelse):
            loop(&state, orelse: orelse) { state in
                _ = self.evaluate(test, &state)
                let exit = state
                self.block(body, &state)
                return exit
            }
        case .for(let target, let iter, let body, let orelse, _):
            let t = evaluate(iter, &state)
            loop(&state, orelse: orelse) { state in
                let exit = state
                self.bind(target, t, &state)
                self.block(body, &state)
                return exit
            }
        case .with(let items, let body, _):
            for item in items {
                let t = evaluate(item.contextExpr, &state)
                if let target = item.optionalVars { bind(target, t, &state) }
            }
            block(body, &state)
        case .try(let body, let handlerClauses, let orelse, let finalbody, _):
            handlers.append(state)
            block(body, &state)
            let atHandler = handlers.removeLast()
            block(orelse, &state)
            var joined = state
            for h in handlerClauses {
                var inner = atHandler
                if let type = h.type { _ = evaluate(type, &inner) }
                if let name = h.name { inner?.kill([name]) }
                block(h.body, &inner)
                joined = TaintState.join(joined, inner)
            }
            // `finally` runs on every path; the paths that leave early are not followed past it.
            if !finalbody.isEmpty {
                var always = joined ?? atHandler
                let reachedEnd = joined != nil
                block(finalbody, &always)
                joined = reachedEnd ? always : nil
            }
            state = joined
        case .match(let subject, let cases):
            let t = evaluate(subject, &state)
            var joined: TaintState? = nil
            var unmatched = state
            for c in cases {
                var inner = unmatched
                capture(c.pattern, t, &inner)
                if let g = c.guardExpr { _ = evaluate(g, &inner) }
                unmatched = TaintState.join(unmatched, inner)
                block(c.body, &inner)
                joined = TaintState.join(joined, inner)
            }
            state = TaintState.join(joined, unmatched)
        case .functionDef(let f):
            define(s, f, &state)
        case .classDef(let name, let bases, let keywords, let body, let decorators, _):
            for e in decorators + bases { _ = evaluate(e, &state) }
            for k in keywords { _ = evaluate(k.value, &state) }
            // The class body runs once, in its own namespace; its methods see the module's names.
            var inner = state
            let saved = globals
            globals = globals ?? state
            let savedLoops = loops
            loops = []
            block(body, &inner)
            loops = savedLoops
            globals = saved
            state?.kill([name])
        }
    }

    /// A loop: iterates `body` from the loop head's state until it is stable, then runs `orelse`
    /// from the state where the loop exits normally. `body` returns that exit state.
    private func loop(_ state: inout TaintState?, orelse: [Stmt], _ body: (inout TaintState?) -> TaintState?) {
        var head = state
        var exit: TaintState? = nil
        var breaks: TaintState? = nil
        // Taint only grows, so the loop stabilises; the step budget bounds how long it may take.
        while true {
            loops.append((nil, nil))
            var s = head
            exit = body(&s)
            let context = loops.removeLast()
            breaks = TaintState.join(breaks, context.breaks)
            let next = TaintState.join(head, TaintState.join(s, context.continues))
            if next == head || exhausted { break }
            head = next
        }
        block(orelse, &exit)
        state = TaintState.join(exit, breaks)
    }

    /// A `case` pattern's captures take the subject's taint.
    private func capture(_ p: Pattern, _ t: Taint, _ state: inout TaintState?, depth: Int = 0) {
        guard depth < 100 else { return }
        switch p.kind {
        case .matchAs(let inner, let name):
            if let name { state?.write([name], t, strong: true) }
            if let inner { capture(inner, t, &state, depth: depth + 1) }
        case .matchStar(let name):
            if let name { state?.write([name], t, strong: true) }
        case .matchMapping(_, let patterns, let rest):
            for q in patterns { capture(q, t, &state, depth: depth + 1) }
            if let rest { state?.write([rest], t, strong: true) }
        case .matchSequence(let patterns), .matchOr(let patterns):
            for q in patterns { capture(q, t, &state, depth: depth + 1) }
        case .matchClass(_, let patterns, _, let kwdPatterns):
            for q in patterns + kwdPatterns { capture(q, t, &state, depth: depth + 1) }
        case .matchValue, .matchSingleton:
            break
        }
    }

    /// Stores a value's taint into an assignment target.
    private func bind(_ target: Expr, _ taint: Taint, _ state: inout TaintState?) {
        let t = taint.isEmpty ? taint : taint.through(SourceRange(target.span))
        switch target.kind {
        case .name(let id, _):
            state?.write([id], t, strong: true)
        case .attribute(let value, _, _):
            if let path = Self.path(target) {
                state?.write(path, t, strong: true)
            } else {
                _ = evaluate(value, &state)
            }
        case .subscript(let value, let slice, _):
            _ = evaluate(slice, &state)
            if let path = Self.path(value) {
                state?.write(path, t, strong: false)
            } else {
                _ = evaluate(value, &state)
            }
        case .tuple(let elts, _), .list(let elts, _):
            for e in elts { bind(e, t, &state) }
        case .starred(let value, _):
            bind(value, t, &state)
        default:
            _ = evaluate(target, &state)
        }
    }

    /// `x`, `x.a.b` as a path; nil for anything else.
    static func path(_ e: Expr) -> [String]? {
        var names: [String] = []
        var current = e
        while true {
            switch current.kind {
            case .name(let id, _):
                names.append(id)
                return names.count > 32 ? nil : names.reversed()
            case .attribute(let value, let attr, _):
                names.append(attr)
                current = value
                if names.count > 32 { return nil }
            default:
                return nil
            }
        }
    }

    // MARK: Expressions

    /// The taint of an expression's value; records the sinks it reaches tainted.
    @discardableResult
    private func evaluate(_ e: Expr, _ state: inout TaintState?, asObject: Bool = false, depth: Int = 0) -> Taint {
        guard state != nil, step(), depth < 500 else { return [] }
        let range = file.reportedRange(e)
        if let sanitizer = sanitizerAt[range] {
            // The sanitized value is clean; by side effect, so is the variable from here on.
            if sanitizer != .no, let path = Self.path(e) { state?.kill(path) }
            lastTaint[ObjectIdentifier(e)] = []
            return []
        }
        let d = depth + 1
        var t = Taint()
        let enclosing = self.enclosing
        self.enclosing = range
        defer { self.enclosing = enclosing }
        switch e.kind {
        case .name(let id, _):
            // `self` read whole is not tainted by its attributes (Semgrep's view of the receiver).
            t = asObject || id == "self" ? state?.readOwn([id]) ?? [] : state?.read([id]) ?? []
        case .attribute(let value, _, _):
            t = evaluate(value, &state, asObject: true, depth: d)
            if let path = Self.path(e) { t.formUnion(asObject ? state?.readOwn(path) ?? [] : state?.read(path) ?? []) }
        case .subscript(let value, let slice, _):
            t = evaluate(value, &state, depth: d).union(evaluate(slice, &state, depth: d))
        case .call(let function, let args, let keywords):
            t = evaluate(function, &state, depth: d)
            for a in args { t.formUnion(evaluate(a, &state, depth: d)) }
            for k in keywords { t.formUnion(evaluate(k.value, &state, depth: d)) }
        case .namedExpr(let target, let value):
            t = evaluate(value, &state, depth: d)
            bind(target, t, &state)
        case .lambda(let args, let body):
            // Analysed where it is written, with the names it sees there.
            var inner = state
            for arg in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg].compactMap({ $0 }) {
                inner?.kill([arg.arg])
            }
            for (arg, value) in zip((args.posonlyargs + args.args).suffix(args.defaults.count), args.defaults) {
                inner?.write([arg.arg], evaluate(value, &state, depth: d), strong: true)
            }
            _ = evaluate(body, &inner, depth: d)
        case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
            var inner = state
            comprehension(generators, &inner, &state, depth: d)
            t = evaluate(elt, &inner, depth: d)
        case .dictComp(let key, let value, let generators):
            var inner = state
            comprehension(generators, &inner, &state, depth: d)
            t = evaluate(key, &inner, depth: d).union(evaluate(value, &inner, depth: d))
        case .dict(let keys, let values):
            for k in keys { if let k { t.formUnion(evaluate(k, &state, depth: d)) } }
            for v in values { t.formUnion(evaluate(v, &state, depth: d)) }
        case .constant:
            break
        default:
            ExpressionChildren.forEach(e) { child in t.formUnion(self.evaluate(child, &state, depth: d)) }
        }
        if let origins = sourceAt[range] { t.formUnion(origins) }
        if let (origins, effect) = sideEffectSourceAt[range] {
            if let path = Self.path(e) { state?.write(path, origins, strong: false) }
            if effect == .yes || Self.path(e) == nil { t.formUnion(origins) }
        }
        if let flows = propagatorAt[range] {
            for (from, to) in flows {
                guard let carried = lastTaint[ObjectIdentifier(from)], !carried.isEmpty, let path = Self.path(to) else { continue }
                state?.write(path, carried, strong: false)
            }
        }
        lastTaint[ObjectIdentifier(e)] = t
        if !t.isEmpty { reach(range, t, within: enclosing) }
        return t
    }

    private func comprehension(_ generators: [Comprehension], _ inner: inout TaintState?, _ outer: inout TaintState?, depth: Int) {
        for (index, g) in generators.enumerated() {
            // The first iterable is evaluated outside the comprehension.
            let t = index == 0 ? evaluate(g.iter, &outer, depth: depth) : evaluate(g.iter, &inner, depth: depth)
            bind(g.target, t, &inner)
            for condition in g.ifs { _ = evaluate(condition, &inner, depth: depth) }
        }
    }

    /// The range of the expression being evaluated (the parent of the next one).
    private var enclosing: SourceRange?

    /// A tainted value at `range`. A sink is reached when the value of the expression it matches
    /// is tainted; a sink that is not one expression (a statement, say) is reached, unless exact,
    /// by a tainted expression inside it that is not part of a larger one inside it. So taint that
    /// does not flow into the sink's value (a sanitized argument, a comprehension's condition)
    /// does not reach it, as in Semgrep.
    private func reach(_ range: SourceRange, _ t: Taint, within parent: SourceRange?) {
        for (index, sink) in sinks.enumerated() {
            let reached: Bool
            if sink.match.range == range {
                reached = true
            } else {
                reached = !sink.exact && range.isInside(sink.match.range) && !(parent.map { $0.isInside(sink.match.range) } ?? false)
            }
            if reached { hits[index, default: []].formUnion(t) }
        }
    }
}

/// The names a function binds (its locals): parameters, assignment and loop targets, imports,
/// nested definitions; not those it declares `global` or `nonlocal`.
enum LocalNames {
    static func of(_ f: Stmt.FunctionDef) -> Set<String> {
        var names = Set<String>()
        var declared = Set<String>()
        let a = f.args
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap({ $0 }) { names.insert(arg.arg) }
        var budget = 100_000
        func target(_ e: Expr, _ depth: Int) {
            guard depth < 100 else { return }
            switch e.kind {
            case .name(let id, _): names.insert(id)
            case .tuple(let elts, _), .list(let elts, _): for x in elts { target(x, depth + 1) }
            case .starred(let v, _): target(v, depth + 1)
            default: break
            }
        }
        func walrus(_ e: Expr, _ depth: Int) {
            guard depth < 200, budget > 0 else { return }
            budget -= 1
            if case .namedExpr(let t, _) = e.kind { target(t, 0) }
            if case .lambda = e.kind { return }
            ExpressionChildren.forEach(e) { walrus($0, depth + 1) }
        }
        func block(_ body: [Stmt], _ depth: Int) {
            guard depth < 200 else { return }
            for s in body {
                guard budget > 0 else { return }
                budget -= 1
                switch s.kind {
                case .assign(let ts, let v):
                    ts.forEach { target($0, 0) }
                    walrus(v, 0)
                case .annAssign(let t, _, let v, _):
                    target(t, 0)
                    if let v { walrus(v, 0) }
                case .augAssign(let t, _, let v):
                    target(t, 0)
                    walrus(v, 0)
                case .for(let t, let i, let body, let orelse, _):
                    target(t, 0)
                    walrus(i, 0)
                    block(body, depth + 1)
                    block(orelse, depth + 1)
                case .with(let items, let body, _):
                    for item in items {
                        walrus(item.contextExpr, 0)
                        if let v = item.optionalVars { target(v, 0) }
                    }
                    block(body, depth + 1)
                case .import(let aliases), .importFrom(_, let aliases, _):
                    for alias in aliases { names.insert(alias.asname ?? String(alias.name.split(separator: ".").first ?? "")) }
                case .functionDef(let g): names.insert(g.name)
                case .classDef(let name, _, _, _, _, _): names.insert(name)
                case .global(let ns), .nonlocal(let ns): declared.formUnion(ns)
                case .if(let t, let body, let orelse), .while(let t, let body, let orelse):
                    walrus(t, 0)
                    block(body, depth + 1)
                    block(orelse, depth + 1)
                case .try(let body, let handlers, let orelse, let finalbody, _):
                    block(body, depth + 1)
                    for h in handlers {
                        if let n = h.name { names.insert(n) }
                        block(h.body, depth + 1)
                    }
                    block(orelse, depth + 1)
                    block(finalbody, depth + 1)
                case .match(let subject, let cases):
                    walrus(subject, 0)
                    for c in cases { block(c.body, depth + 1) }
                case .expr(let v): walrus(v, 0)
                case .return(let v): if let v { walrus(v, 0) }
                case .delete(let ts): ts.forEach { target($0, 0) }
                default: break
                }
            }
        }
        block(f.body, 0)
        return names.subtracting(declared)
    }
}
