import PythonSyntax

/// Taint mode on one file: a forward dataflow over each function (the module's top level is
/// one too) from the places a source matches to those a sink matches, through assignments,
/// calls (a call's result carries its arguments' and receiver's taint), operators, attribute
/// paths and container entries, cut by sanitizers and by the checks rules name as guards.
/// Semgrep's semantics, plus precision it lacks (`docs/taint.md`): branches whose condition is
/// a constant are not taken, container entries with constant keys are told apart.
///
/// Python's control flow is structured, so the fixpoint is computed over the statements
/// themselves: branches are joined, loops iterate until their state is stable, `break`,
/// `continue`, `return` and `raise` carry their state to where control goes, and an `except`
/// handler starts from any state its `try` body passes through.
final class TaintAnalysis {
    struct SinkHit {
        var sink: RangeMatch
        var taint: Taint
        /// A sink in another file, reached through a function of that file.
        var external: ExternalSummary.Sink?
    }

    /// What an analysis needs to follow calls into other files: the project, how to analyse
    /// one of its files with the same rule, the rule's message, and the summaries being built
    /// in the files that called into this one (for recursions and the depth bound).
    struct CrossFile {
        var project: TaintProject
        var analyse: (TargetFile, CrossFile, Int) -> TaintAnalysis
        var message: (RangeMatch, TargetFile) -> String
        var mayHold: (String) -> (sources: Bool, sinks: Bool)
        /// The other files parsed while one file is scanned, shared by its rules.
        var files: ParsedFiles
        /// The rule (with its set), for the project's store of summaries.
        var rule: String
        /// How many files deep this analysis is from the scanned file.
        var depth = 0
    }

    /// The files of the project parsed for one scanned file's analyses, at most `limit` of
    /// them (past it, calls into further files propagate as any call).
    final class ParsedFiles {
        private var files: [String: TargetFile?] = [:]
        static let limit = 64

        func file(_ path: String, in project: TaintProject) -> TargetFile? {
            if let known = files[path] { return known }
            guard files.count < Self.limit else { return nil }
            let parsed = project.parse(path)
            files[path] = .some(parsed)
            return parsed
        }
    }

    private typealias Node = TaintState.Node

    private let file: TargetFile
    private let sources: [RangeMatch]
    private var sourceAt: [SourceRange: Taint] = [:]
    private var sideEffectSourceAt: [SourceRange: (Taint, TaintSpec.SideEffect)] = [:]
    private var sanitizerAt: [SourceRange: TaintSpec.SideEffect] = [:]
    /// Guards by the range of the value they check, with the outcome that makes it clean.
    private var guardAt: [SourceRange: Bool] = [:]
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
    /// Each parameter's default's taint, from where its function is defined.
    private var defaultTaints: [ObjectIdentifier: [String: Taint]] = [:]
    /// The range of the expression being evaluated (the parent of the next one).
    private var enclosing: SourceRange?

    // Across functions (rules with `interfile`): the file's functions and methods, and their
    // summaries: which parameters reach the return value, which reach a sink.
    private struct Summary {
        var returns: Taint = []
        var sinks: [Int: Taint] = [:]
        var externalSinks: [ExternalPlace: (sink: ExternalSummary.Sink, taint: Taint)] = [:]
    }

    private let interprocedural: Bool
    private var functionsByName: [String: Stmt] = [:]
    private var methodsByClass: [ObjectIdentifier: [String: Stmt]] = [:]
    private var classOf: [ObjectIdentifier: ObjectIdentifier] = [:]
    private var summaries: [ObjectIdentifier: Summary] = [:]
    private var classesByName: [String: ObjectIdentifier] = [:]

    // Across files: names imports bind, the analyses of the files called into, the sources of
    // other files whose values reach here (origins past the file's own), sinks reached there.
    private var cross: CrossFile?
    private var importedNames: [String: ImportedName]?
    private var calleeFiles: [String: TaintAnalysis?] = [:]
    private var ruleNamesIn: [String: (sources: Bool, sinks: Bool)] = [:]
    private var foreignSources: [Int: ExternalPlace] = [:]
    private var foreignOrigins: [ExternalPlace: Int] = [:]
    private var externalHits: [ExternalPlace: (sink: ExternalSummary.Sink, taint: Taint)] = [:]
    /// Names bound once to an instance of a class the project defines (`repo = Repo()`).
    private var instances: [ObjectIdentifier: [String: [String]]] = [:]
    private var prepared = false
    /// The functions whose summaries are being built, outermost first, and whether each
    /// depends on a recursion or the depth bound (then it is not kept).
    private var building: [ObjectIdentifier] = []
    private var provisional: [Bool] = []
    /// Summaries being computed, innermost last: returns and sinks reached by parameters.
    private var builders: [Summary] = []
    /// The function being analysed, and the names it binds (they hide the file's functions).
    private var currentFunction: Stmt?
    private var currentLocals: Set<String> = []
    /// How deep summaries may nest in a file (calls followed from a call), and how many files
    /// deep calls are followed.
    static let maxCallDepth = 4
    static let maxFileDepth = 3

    /// Calls after which the code does not go on (`abort(403)` in a view).
    static let noReturn: Set<String> = ["abort", "exit", "quit", "sys.exit", "os._exit", "os.abort", "flask.abort", "werkzeug.exceptions.abort"]

    init(file: TargetFile, spec: TaintSpec, matches: (sources: [[RangeMatch]], sinks: [[RangeMatch]], sanitizers: [[RangeMatch]], propagators: [[RangeMatch]]), steps: Int, cross: CrossFile? = nil) {
        self.file = file
        self.steps = steps
        interprocedural = spec.interprocedural
        self.cross = spec.interfile ? cross : nil
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
            for match in found {
                if let outcome = spec.guardOutcome {
                    guardAt[match.range] = outcome
                } else if sanitizerAt[match.range] == nil || spec.sideEffect != .no {
                    sanitizerAt[match.range] = spec.sideEffect
                }
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
        // Without a project, a file lacking sources or sinks has no flow; with one, calls may
        // bring either from another file.
        guard cross != nil || (!sinks.isEmpty && (!sourceAt.isEmpty || !sideEffectSourceAt.isEmpty)) else { return [] }
        if interprocedural { indexFunctions() }
        prepared = true
        var state: TaintState? = TaintState()
        block(file.module.body, &state)
        var next = 0
        while next < pending.count, !exhausted {
            let (function, env) = pending[next]
            next += 1
            analyse(function, env: env)
        }
        var out = hits.keys.sorted().map { SinkHit(sink: sinks[$0].match, taint: hits[$0] ?? []) }
        for place in externalHits.keys.sorted(by: { ($0.path, $0.range) < ($1.path, $1.range) }) {
            guard let (sink, taint) = externalHits[place] else { continue }
            out.append(SinkHit(sink: RangeMatch(range: place.range, bindings: Bindings(), kind: .plain), taint: taint, external: sink))
        }
        return out
    }

    /// The source matches (for a finding's bindings and trace); a source of another file has
    /// no bindings here.
    func source(_ origin: Int) -> RangeMatch {
        if origin < sources.count { return sources[origin] }
        let place = foreignSources[origin]?.range ?? SourceRange(SourcePosition(line: 1, column: 0), SourcePosition(line: 1, column: 0))
        return RangeMatch(range: place, bindings: Bindings(), kind: .plain)
    }

    /// The file of a source in another one (nil: this file).
    func sourcePath(_ origin: Int) -> String? { foreignSources[origin]?.path }

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
        let locals = LocalNames.of(f)
        let visible = (env ?? TaintState()).removing(locals)
        var state: TaintState? = visible
        let saved = (globals, loops, handlers, currentFunction, currentLocals)
        globals = visible
        loops = []
        handlers = []
        currentFunction = function
        currentLocals = locals
        parameters(f.args, defaults: defaultTaints[ObjectIdentifier(function)] ?? [:], &state)
        block(f.body, &state)
        (globals, loops, handlers, currentFunction, currentLocals) = saved
    }

    // MARK: Calls into the file's functions and the project's

    private func indexFunctions() {
        guard !prepared else { return }
        for s in file.module.body {
            switch s.kind {
            case .functionDef(let f):
                functionsByName[f.name] = s
            case .classDef(let name, _, _, let body, _, _):
                classesByName[name] = ObjectIdentifier(s)
                var methods: [String: Stmt] = [:]
                for member in body {
                    guard case .functionDef(let m) = member.kind else { continue }
                    methods[m.name] = member
                    classOf[ObjectIdentifier(member)] = ObjectIdentifier(s)
                }
                methodsByClass[ObjectIdentifier(s)] = methods
            default:
                break
            }
        }
    }

    /// The function a call reaches, when the file defines it: a module-level function called
    /// by name, a method of the enclosing class called on `self`, or a method of the file's
    /// class called on a name bound to an instance of it.
    private func resolve(_ function: Expr) -> (function: Stmt, isMethod: Bool)? {
        switch function.kind {
        case .name(let id, _):
            guard !currentLocals.contains(id), let f = functionsByName[id] else { return nil }
            return (f, false)
        case .attribute(let receiver, let name, _):
            guard case .name(let object, _) = receiver.kind else { return nil }
            if object == "self" {
                guard let current = currentFunction, let owner = classOf[ObjectIdentifier(current)],
                      let method = methodsByClass[owner]?[name] else { return nil }
                return (method, true)
            }
            guard let cls = instanceClass(object), cls.count == 1, importable(cls[0]) == nil,
                  let owner = classesByName[cls[0]], let method = methodsByClass[owner]?[name] else { return nil }
            return (method, !Self.isStatic(method))
        default:
            return nil
        }
    }

    private static func isStatic(_ method: Stmt) -> Bool {
        guard case .functionDef(let f) = method.kind else { return false }
        return f.decorators.contains { if case .name("staticmethod", _) = $0.kind { return true } else { return false } }
    }

    /// A function's summary, computed once with its parameters standing for the arguments;
    /// nil inside a recursion or past the call depth (the call then propagates as any call).
    private func summary(of function: Stmt) -> Summary? {
        let key = ObjectIdentifier(function)
        if let known = summaries[key] { return known }
        if let position = building.firstIndex(of: key) {
            // A recursion: the summaries being built from there on lack this call's part, so
            // they are used where they are built but not kept.
            for index in position..<provisional.count { provisional[index] = true }
            return nil
        }
        guard builders.count < Self.maxCallDepth, !exhausted, case .functionDef(let f) = function.kind else {
            // Past the depth bound: what is being built depends on where it started from.
            markProvisional()
            return nil
        }
        building.append(key)
        provisional.append(false)
        defer {
            building.removeLast()
            provisional.removeLast()
        }
        let env = pendingIndex[key].flatMap { pending[$0].env }
        let locals = LocalNames.of(f)
        var state: TaintState? = (env ?? TaintState()).removing(locals)
        let saved = (globals, loops, handlers, currentFunction, currentLocals, enclosing)
        globals = state
        loops = []
        handlers = []
        currentFunction = function
        currentLocals = locals
        enclosing = nil
        let defaults = defaultTaints[key] ?? [:]
        for (index, arg) in Self.parameters(f.args).enumerated() {
            state?.write([arg.arg], Taint([Taint.parameter(index)]).union(defaults[arg.arg] ?? []), strong: true)
            state?.setConstant(arg.arg, nil)
        }
        builders.append(Summary())
        block(f.body, &state)
        let summary = builders.removeLast()
        (globals, loops, handlers, currentFunction, currentLocals, enclosing) = saved
        if provisional.last == false { summaries[key] = summary }
        return summary
    }

    /// Every summary being built depends on where it started from: none is kept.
    private func markProvisional() {
        for index in provisional.indices { provisional[index] = true }
    }

    private static func parameters(_ a: Arguments) -> [Arg] {
        a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap { $0 }
    }

    /// A call to a function of the file or of the project: its arguments flow as its summary says.
    private func summarizedCall(_ call: Expr, _ function: Expr, _ args: [Expr], _ keywords: [Keyword], _ state: inout TaintState?, depth: Int) -> Taint? {
        guard interprocedural else { return nil }
        let local = resolve(function)
        let external = local == nil ? externalTarget(function) : nil
        guard local != nil || external != nil else { return nil }
        // The arguments first: a call into another file without tainted arguments needs no
        // summary unless that file may hold a source (its function may return one).
        let receiver = evaluate(function, &state, use: .callee, depth: depth)
        let positional = args.map { a in (taint: evaluate(a, &state, depth: depth), starred: { if case .starred = a.kind { true } else { false } }()) }
        let named = keywords.map { k in (name: k.arg, taint: evaluate(k.value, &state, depth: depth)) }
        var anyCall = receiver
        for a in positional { anyCall.formUnion(a.taint) }
        for k in named { anyCall.formUnion(k.taint) }
        let parameters: [String]
        let isMethod: Bool
        var returns: Taint
        var localSinks: [Int: Taint] = [:]
        var externalSinks: [(sink: ExternalSummary.Sink, taint: Taint)] = []
        if let (callee, method) = local, case .functionDef(let f) = callee.kind {
            guard let summary = summary(of: callee) else { return anyCall }
            parameters = Self.parameters(f.args).map(\.arg)
            isMethod = method
            returns = summary.returns
            localSinks = summary.sinks
            externalSinks = Array(summary.externalSinks.values)
        } else if let (path, rest, method) = external {
            // Data from a source is followed into any file (a helper may clean it); otherwise
            // only into files holding a sink or a source of the rule: elsewhere a summary could
            // only narrow a return value, and following every call of every summary would walk
            // the whole import graph.
            let holds = mayHold(path)
            guard holds.sources || (!anyCall.isEmpty && ((cross?.depth ?? 0) == 0 && !anyCall.real.isEmpty || holds.sinks)) else { return anyCall }
            guard let summary = externalSummary(path: path, rest: rest) else { return anyCall }
            parameters = summary.parameterNames
            isMethod = method && summary.isMethod
            returns = Taint(summary.returns.map(Taint.parameter))
            for place in summary.returnSources { returns.formUnion(Taint([foreignOrigin(place)])) }
            externalSinks = summary.sinks.map { ($0, Taint($0.parameters.map(Taint.parameter))) }
        } else {
            return anyCall
        }
        var arguments: [Int: Taint] = [:]
        var unplaced = Taint()
        if isMethod { arguments[0] = receiver }
        let offset = isMethod ? 1 : 0
        for (index, a) in positional.enumerated() {
            if a.starred { unplaced.formUnion(a.taint) } else { arguments[index + offset, default: []].formUnion(a.taint) }
        }
        for k in named {
            if let name = k.name, let index = parameters.firstIndex(of: name) {
                arguments[index, default: []].formUnion(k.taint)
            } else {
                unplaced.formUnion(k.taint)
            }
        }
        if !unplaced.isEmpty {
            // `*args`/`**kwargs` at the call: any parameter may receive them.
            for index in parameters.indices { arguments[index, default: []].formUnion(unplaced) }
        }
        let step = SourceRange(call.span)
        for (sink, taint) in localSinks {
            let reaching = taint.instantiated(arguments, call: step)
            if !reaching.isEmpty { record(sink, reaching) }
        }
        for (sink, taint) in externalSinks {
            let reaching = taint.instantiated(arguments, call: step)
            if !reaching.isEmpty { recordExternal(sink, reaching) }
        }
        return returns.instantiated(arguments, call: step)
    }

    // MARK: Across files

    private func importTable() -> [String: ImportedName] {
        if let known = importedNames { return known }
        let table = ImportedName.table(of: file.module, path: file.path)
        importedNames = table
        return table
    }

    /// What an import binds `name` to, unless the file or function binds it otherwise.
    private func importable(_ name: String) -> ImportedName? {
        guard cross != nil, let imported = importTable()[name], functionsByName[name] == nil, classesByName[name] == nil else { return nil }
        if let current = currentFunction, case .functionDef(let f) = current.kind, Self.parameters(f.args).contains(where: { $0.arg == name }) { return nil }
        return imported
    }

    /// `a.b.c` as its names.
    private static func dotted(_ e: Expr, depth: Int = 0) -> [String]? {
        switch e.kind {
        case .name(let id, _): return [id]
        case .attribute(let value, let name, _):
            guard depth < 16, let base = dotted(value, depth: depth + 1) else { return nil }
            return base + [name]
        default: return nil
        }
    }

    /// The class a name holds an instance of, when the function (or the module, for a name the
    /// function does not bind) binds it once, to a call of a class's name: `repo = Repo(db)`.
    private func instanceClass(_ name: String) -> [String]? {
        func bound(in body: [Stmt], key: ObjectIdentifier) -> [String]? {
            if instances[key] == nil { instances[key] = Self.instances(in: body) }
            return instances[key]?[name]
        }
        if let current = currentFunction, case .functionDef(let f) = current.kind {
            if currentLocals.contains(name) { return bound(in: f.body, key: ObjectIdentifier(current)) }
        }
        return bound(in: file.module.body, key: ObjectIdentifier(file))
    }

    private static func instances(in body: [Stmt]) -> [String: [String]] {
        var counts: [String: Int] = [:]
        var classes: [String: [String]] = [:]
        var budget = 100_000
        func target(_ e: Expr) {
            switch e.kind {
            case .name(let id, _): counts[id, default: 0] += 1
            case .tuple(let elts, _), .list(let elts, _): elts.forEach(target)
            case .starred(let v, _): target(v)
            default: break
            }
        }
        func walk(_ body: [Stmt], _ depth: Int) {
            guard depth < 64 else { return }
            for s in body {
                guard budget > 0 else { return }
                budget -= 1
                switch s.kind {
                case .assign(let targets, let value):
                    targets.forEach(target)
                    if targets.count == 1, case .name(let id, _) = targets[0].kind, case .call(let f, _, _) = value.kind,
                       let names = dotted(f), let last = names.last, last.first?.isUppercase == true {
                        classes[id] = names
                    }
                case .annAssign(let t, _, _, _), .augAssign(let t, _, _):
                    target(t)
                case .for(let t, _, let body, let orelse, _):
                    target(t)
                    walk(body, depth + 1)
                    walk(orelse, depth + 1)
                case .with(let items, let body, _):
                    for item in items { if let v = item.optionalVars { target(v) } }
                    walk(body, depth + 1)
                case .if(_, let body, let orelse), .while(_, let body, let orelse):
                    walk(body, depth + 1)
                    walk(orelse, depth + 1)
                case .try(let body, let handlers, let orelse, let finalbody, _):
                    walk(body, depth + 1)
                    for h in handlers { walk(h.body, depth + 1) }
                    walk(orelse, depth + 1)
                    walk(finalbody, depth + 1)
                default:
                    break
                }
            }
        }
        walk(body, 0)
        return classes.filter { counts[$0.key] == 1 }
    }

    /// The file and the dotted name within it that a call reaches through an import: a
    /// function (`helpers.run(x)`, `run(x)` after `from helpers import run`), or a method of a
    /// project class on a name bound to an instance of it.
    private func externalTarget(_ function: Expr) -> (path: String, rest: [String], isMethod: Bool)? {
        guard let cross, let names = Self.dotted(function) else { return nil }
        if names.count == 2, names[0] != "self", let cls = instanceClass(names[0]), let imported = importable(cls[0]) {
            guard let (path, rest) = cross.project.resolve(imported.parts + cls.dropFirst(), from: file.path, folder: imported.folder),
                  rest.count == 1, path != file.path else { return nil }
            return (path, rest + [names[1]], true)
        }
        guard let imported = importable(names[0]),
              let (path, rest) = cross.project.resolve(imported.parts + names.dropFirst(), from: file.path, folder: imported.folder),
              rest.count == 1, path != file.path else { return nil }
        return (path, rest, false)
    }

    /// Whether a file of the project may hold one of the rule's sources, or sinks (by the names
    /// their patterns need).
    private func mayHold(_ path: String) -> (sources: Bool, sinks: Bool) {
        if let known = ruleNamesIn[path] { return known }
        let found = cross?.mayHold(path) ?? (false, false)
        ruleNamesIn[path] = found
        return found
    }

    /// The summary of a function of another file, one level deeper than this file's: from the
    /// project's shared store, or computed by an analysis of that file (kept while this one
    /// lives). A summary depends only on its function and level, so it is computed once
    /// whichever thread asks first; past the last level a call is any call (this also ends
    /// recursions through several files).
    private func externalSummary(path: String, rest: [String]) -> ExternalSummary? {
        guard let cross, !exhausted else { return nil }
        let level = cross.depth + 1
        guard level < Self.maxFileDepth else { return nil }
        let key = Self.summaryKey(cross.rule, level: level, path: path, rest: rest)
        if let known = cross.project.summary(key) { return known }
        let callee: TaintAnalysis
        if let known = calleeFiles[path] {
            guard let known else { return nil }
            callee = known
        } else {
            guard let parsed = cross.files.file(path, in: cross.project) else {
                // Unreadable or not Python: calls into it propagate as any call.
                calleeFiles[path] = .some(nil)
                return nil
            }
            var inner = cross
            inner.depth = level
            callee = cross.analyse(parsed, inner, steps)
            calleeFiles[path] = callee
        }
        callee.steps = steps
        let summary = callee.exported(rest)
        steps = callee.steps
        if callee.exhausted {
            exhausted = true
            return nil
        }
        cross.project.store(key, summary)
        return summary
    }

    /// The names of this file's functions and methods whose return value may carry a source,
    /// for callers' prefilter (nil: the analysis ran out of steps, so any may); the summaries
    /// computed on the way go to the project's store.
    func sourceReturningNames() -> [String]? {
        guard let cross else { return nil }
        prepare()
        var targets = functionsByName.keys.map { [$0] }
        for (name, owner) in classesByName {
            for method in (methodsByClass[owner] ?? [:]).keys { targets.append([name, method]) }
        }
        var out: [String] = []
        for rest in targets.sorted(by: { $0.joined(separator: ".") < $1.joined(separator: ".") }) {
            let summary = exported(rest)
            if exhausted { return nil }
            cross.project.store(Self.summaryKey(cross.rule, level: cross.depth, path: file.path, rest: rest), summary)
            if let last = rest.last, summary?.returnSources.isEmpty == false { out.append(last) }
        }
        return out
    }

    static func summaryKey(_ rule: String, level: Int, path: String, rest: [String]) -> String {
        rule + "\u{0}\(level)\u{0}" + path + "#" + rest.joined(separator: ".")
    }

    /// The module's top level, once: the functions' globals and defaults.
    private func prepare() {
        guard !prepared else { return }
        indexFunctions()
        prepared = true
        var state: TaintState? = TaintState()
        block(file.module.body, &state)
    }

    /// The summary of a function or method of this file (`rest`: `f` or `C.m`) for a caller in
    /// another file.
    func exported(_ rest: [String]) -> ExternalSummary? {
        prepare()
        var target: Stmt?
        var isMethod = false
        if rest.count == 1 {
            target = functionsByName[rest[0]]
        } else if rest.count == 2, let owner = classesByName[rest[0]] {
            target = methodsByClass[owner]?[rest[1]]
            isMethod = target.map { !Self.isStatic($0) } ?? false
        }
        guard let target, case .functionDef(let f) = target.kind else {
            // A name this file imports from another (a package's `__init__` re-exporting it).
            guard rest.count == 1, let cross, let imported = importable(rest[0]),
                  let (path, inner) = cross.project.resolve(imported.parts, from: file.path, folder: imported.folder),
                  inner.count == 1, path != file.path else { return nil }
            return externalSummary(path: path, rest: inner)
        }
        guard let summary = summary(of: target) else { return nil }
        var out = ExternalSummary(parameterNames: Self.parameters(f.args).map(\.arg), isMethod: isMethod)
        for origin in summary.returns.origins {
            if origin < 0 { out.returns.append(-1 - origin) } else if let place = place(ofSource: origin) { out.returnSources.append(place) }
        }
        out.returns.sort()
        out.returnSources.sort { ($0.path, $0.range) < ($1.path, $1.range) }
        func parameters(_ t: Taint) -> [Int] { t.origins.filter { $0 < 0 }.map { -1 - $0 }.sorted() }
        for (index, taint) in summary.sinks {
            let reaching = parameters(taint)
            guard !reaching.isEmpty else { continue }
            let match = sinks[index].match
            out.sinks.append(.init(place: ExternalPlace(path: file.path, range: match.range), message: cross?.message(match, file) ?? "", parameters: reaching))
        }
        for (sink, taint) in summary.externalSinks.values {
            let reaching = parameters(taint)
            if !reaching.isEmpty { out.sinks.append(.init(place: sink.place, message: sink.message, parameters: reaching)) }
        }
        out.sinks.sort { ($0.place.path, $0.place.range) < ($1.place.path, $1.place.range) }
        return out
    }

    private func place(ofSource origin: Int) -> ExternalPlace? {
        origin < sources.count ? ExternalPlace(path: file.path, range: sources[origin].range) : foreignSources[origin]
    }

    /// The origin standing for a source of another file.
    private func foreignOrigin(_ place: ExternalPlace) -> Int {
        if let known = foreignOrigins[place] { return known }
        let origin = sources.count + foreignSources.count
        foreignSources[origin] = place
        foreignOrigins[place] = origin
        return origin
    }

    /// Parameters hide outer names; one is tainted by a tainted default or a source matching it.
    private func parameters(_ a: Arguments, defaults: [String: Taint], _ state: inout TaintState?) {
        for arg in Self.parameters(a) {
            var taint = defaults[arg.arg] ?? []
            if let origins = sourceAt[SourceRange(arg.span)] { taint.formUnion(origins) }
            if let (origins, _) = sideEffectSourceAt[SourceRange(arg.span)] { taint.formUnion(origins) }
            state?.write([arg.arg], taint, strong: true)
            state?.setConstant(arg.arg, nil)
        }
    }

    /// Evaluates a function's decorators and defaults where it is defined, and queues its body.
    private func define(_ statement: Stmt, _ f: Stmt.FunctionDef, _ state: inout TaintState?) {
        for d in f.decorators { evaluate(d, &state) }
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
        state?.setConstant(f.name, nil)
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
            evaluate(value, &state)
            if case .call(let function, _, _) = value.kind, let name = Self.dottedName(function), Self.noReturn.contains(name) {
                state = nil
            }
        case .assign(let targets, let value):
            if targets.count == 1, let path = path(targets[0], state) {
                // One target: containers keep their entries apart, constants are remembered.
                let node = valueNode(value, &state)
                bindNode(targets[0], path, node, &state)
                if case .name(let id, _) = targets[0].kind, let current = state {
                    state?.setConstant(id, PythonConstants.value(of: value) { current.constant($0) })
                }
            } else {
                let t = evaluate(value, &state)
                for target in targets { bind(target, t, &state) }
            }
        case .annAssign(let target, let annotation, let value, _):
            evaluate(annotation, &state)
            if let value {
                if let path = path(target, state) {
                    bindNode(target, path, valueNode(value, &state), &state)
                } else {
                    bind(target, evaluate(value, &state), &state)
                }
            }
        case .augAssign(let target, _, let value):
            let t = evaluate(target, &state).union(evaluate(value, &state))
            bind(target, t, &state)
        case .typeAlias(let name, _, let value):
            evaluate(value, &state)
            bind(name, [], &state)
        case .return(let value):
            if let value {
                let t = evaluate(value, &state)
                if !builders.isEmpty { builders[builders.count - 1].returns.formUnion(t) }
            }
            state = nil
        case .raise(let exc, let cause):
            if let exc { evaluate(exc, &state) }
            if let cause { evaluate(cause, &state) }
            if !handlers.isEmpty { handlers[handlers.count - 1] = TaintState.join(handlers[handlers.count - 1], state) }
            state = nil
        case .delete(let targets):
            // Semgrep keeps a deleted name's taint (reading it would fail anyway).
            for target in targets { evaluate(target, &state) }
        case .assert(let test, let message):
            evaluate(test, &state)
            if let message { evaluate(message, &state) }
            refine(test, holds: true, &state)
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
            evaluate(test, &state)
            let known = truth(test, state)
            var other = state
            if known == false { state = nil } else { refine(test, holds: true, &state) }
            if known == true { other = nil } else { refine(test, holds: false, &other) }
            block(body, &state)
            block(orelse, &other)
            state = TaintState.join(state, other)
        case .while(let test, let body, let orelse):
            loop(&state, orelse: orelse) { state in
                self.evaluate(test, &state)
                let known = self.truth(test, state)
                // `while True:` leaves only by `break`; `while False:` never runs its body.
                var exit = known == true ? nil : state
                self.refine(test, holds: false, &exit)
                if known == false { state = nil } else { self.refine(test, holds: true, &state) }
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
                if let type = h.type { evaluate(type, &inner) }
                if let name = h.name {
                    inner?.kill([name])
                    inner?.setConstant(name, nil)
                }
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
            let known = state.flatMap { current in PythonConstants.value(of: subject) { current.constant($0) } }
            var joined: TaintState? = nil
            var unmatched = state
            for c in cases {
                let decided = known.flatMap { Self.decide(c.pattern, $0) }
                if decided == false { continue }
                var inner = unmatched
                capture(c.pattern, t, &inner)
                if let g = c.guardExpr { evaluate(g, &inner) }
                if decided == true && c.guardExpr == nil {
                    // A constant subject this case certainly matches: no case after it runs.
                    unmatched = nil
                } else {
                    unmatched = TaintState.join(unmatched, inner)
                }
                block(c.body, &inner)
                joined = TaintState.join(joined, inner)
            }
            state = TaintState.join(joined, unmatched)
        case .functionDef(let f):
            define(s, f, &state)
        case .classDef(let name, let bases, let keywords, let body, let decorators, _):
            for e in decorators + bases { evaluate(e, &state) }
            for k in keywords { evaluate(k.value, &state) }
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
            state?.setConstant(name, nil)
        }
    }

    /// A loop: iterates `body` from the loop head's state until it is stable, then runs `orelse`
    /// from the state where the loop exits normally. `body` returns that exit state.
    private func loop(_ state: inout TaintState?, orelse: [Stmt], _ body: (inout TaintState?) -> TaintState?) {
        var head = state
        var exit: TaintState? = nil
        var breaks: TaintState? = nil
        // Taint only grows and constants only go, so the loop stabilises; the step budget
        // bounds how long it may take.
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

    /// Whether a `case` pattern matches a constant subject: true, false, or nil (not known).
    private static func decide(_ p: Pattern, _ subject: ConstantValue) -> Bool? {
        switch p.kind {
        case .matchAs(nil, _): return true
        case .matchValue(let e):
            guard case .constant(let v, _) = e.kind else { return nil }
            switch (v, subject) {
            case let (.string(a), .string(b)): return a == b
            case let (.int(a), .int(b)): return a == b
            case (.string, .int), (.int, .string): return false
            default: return nil
            }
        case .matchSingleton(let v):
            switch (v, subject) {
            case (.none, .none): return true
            case let (.bool(a), .bool(b)): return a == b
            default: return false
            }
        case .matchOr(let patterns):
            let answers = patterns.map { decide($0, subject) }
            if answers.contains(true) { return true }
            return answers.allSatisfy { $0 == false } ? false : nil
        default:
            return nil
        }
    }

    /// A `case` pattern's captures take the subject's taint.
    private func capture(_ p: Pattern, _ t: Taint, _ state: inout TaintState?, depth: Int = 0) {
        guard depth < 100 else { return }
        func set(_ name: String) {
            state?.write([name], t, strong: true)
            state?.setConstant(name, nil)
        }
        switch p.kind {
        case .matchAs(let inner, let name):
            if let name { set(name) }
            if let inner { capture(inner, t, &state, depth: depth + 1) }
        case .matchStar(let name):
            if let name { set(name) }
        case .matchMapping(_, let patterns, let rest):
            for q in patterns { capture(q, t, &state, depth: depth + 1) }
            if let rest { set(rest) }
        case .matchSequence(let patterns), .matchOr(let patterns):
            for q in patterns { capture(q, t, &state, depth: depth + 1) }
        case .matchClass(_, let patterns, _, let kwdPatterns):
            for q in patterns + kwdPatterns { capture(q, t, &state, depth: depth + 1) }
        case .matchValue, .matchSingleton:
            break
        }
    }

    // MARK: Conditions

    /// A condition's truth value where it is a constant.
    private func truth(_ test: Expr, _ state: TaintState?) -> Bool? {
        guard let state else { return nil }
        return PythonConstants.value(of: test) { state.constant($0) }.flatMap(PythonConstants.truth)
    }

    /// The state where `test` had the outcome `holds`: the values its guards check are clean.
    /// Through `not`, the operands of `and` when it holds and of `or` when it does not.
    private func refine(_ test: Expr, holds: Bool, _ state: inout TaintState?, depth: Int = 0) {
        guard !guardAt.isEmpty, state != nil, depth < 100 else { return }
        switch test.kind {
        case .unaryOp(.not, let operand):
            refine(operand, holds: !holds, &state, depth: depth + 1)
        case .boolOp(let op, let values):
            if (op == .and) == holds {
                for v in values { refine(v, holds: holds, &state, depth: depth + 1) }
            }
        default:
            // An atomic condition: the guards inside it whose outcome it has clean their value.
            var checked: [Expr] = []
            func visit(_ e: Expr, _ depth: Int) {
                guard depth < 200 else { return }
                if guardAt[file.reportedRange(e)] == holds { checked.append(e) }
                if case .lambda = e.kind { return }
                ExpressionChildren.forEach(e) { visit($0, depth + 1) }
            }
            visit(test, 0)
            for e in checked {
                if let path = path(e, state) { state?.kill(path) }
            }
        }
    }

    // MARK: Assignment

    /// The value of an expression as a variable holds it: a container literal or a copy of a
    /// variable keeps its entries apart; anything else is one taint.
    private func valueNode(_ e: Expr, _ state: inout TaintState?) -> Node {
        let range = file.reportedRange(e)
        let plain = sanitizerAt[range] == nil && sourceAt[range] == nil && sideEffectSourceAt[range] == nil && propagatorAt[range] == nil
        switch e.kind {
        case .dict(let keys, let values) where plain:
            let constantKeys = keys.map { key in key.flatMap { k in state.flatMap { s in PythonConstants.value(of: k) { s.constant($0) } }.flatMap(TaintState.entry) } }
            var node = Node()
            for (index, (key, value)) in zip(keys, values).enumerated() {
                if let key { evaluate(key, &state) }
                let t = evaluate(value, &state)
                if let entry = constantKeys[index] {
                    node.fields[entry] = Node(own: t)
                } else {
                    node.own.formUnion(t)  // `**other` or a computed key: any entry may hold it
                }
            }
            reportIfTainted(e, node.all)
            return node
        case .list(let elts, _) where plain && !elts.contains(where: Self.isStarred), .tuple(let elts, _) where plain && !elts.contains(where: Self.isStarred):
            var node = Node(length: elts.count)
            for (index, elt) in elts.enumerated() { node.fields["[\(index)]"] = Node(own: evaluate(elt, &state)) }
            reportIfTainted(e, node.all)
            return node
        default:
            let t = evaluate(e, &state)
            if plain, let p = path(e, state), let node = state?.node(p) { return node }
            return Node(own: t)
        }
    }

    /// A container literal's taint reaches the sinks around it like any value's.
    private func reportIfTainted(_ e: Expr, _ t: Taint) {
        lastTaint[ObjectIdentifier(e)] = t
        if !t.isEmpty { reach(file.reportedRange(e), t, within: enclosing) }
    }

    private static func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    /// Stores a whole value into a path target (a name, an attribute, a constant-key entry).
    private func bindNode(_ target: Expr, _ path: [String], _ node: Node, _ state: inout TaintState?) {
        let step = SourceRange(target.span)
        var node = node
        node.own = node.own.through(step)
        func mark(_ n: inout Node, _ depth: Int) {
            guard depth < TaintState.maxPathLength else { return }
            for key in Array(n.fields.keys) {
                guard var child = n.fields[key] else { continue }
                child.own = child.own.through(step)
                mark(&child, depth + 1)
                n.fields[key] = child
            }
        }
        mark(&node, 0)
        evaluateTargetParts(target, &state)
        state?.write(path, node: node)
        if case .name(let id, _) = target.kind { state?.setConstant(id, nil) }
    }

    /// The parts of a target that are read when it is assigned (a subscript's key, say).
    private func evaluateTargetParts(_ target: Expr, _ state: inout TaintState?) {
        if case .subscript(let value, let slice, _) = target.kind {
            evaluate(slice, &state)
            if path(value, state) == nil { evaluate(value, &state) }
        }
    }

    /// Stores a value's taint into an assignment target.
    private func bind(_ target: Expr, _ taint: Taint, _ state: inout TaintState?) {
        let t = taint.isEmpty ? taint : taint.through(SourceRange(target.span))
        switch target.kind {
        case .name(let id, _):
            state?.write([id], t, strong: true)
            state?.setConstant(id, nil)
        case .attribute(let value, _, _):
            if let path = path(target, state) {
                state?.write(path, t, strong: true)
            } else {
                evaluate(value, &state)
            }
        case .subscript(let value, let slice, _):
            evaluate(slice, &state)
            if let path = path(target, state) {
                state?.write(path, t, strong: true)
            } else if let path = path(value, state) {
                // An entry whose key is not known: the container may hold it anywhere.
                state?.write(path, t, strong: false)
            } else {
                evaluate(value, &state)
            }
        case .tuple(let elts, _), .list(let elts, _):
            for e in elts { bind(e, t, &state) }
        case .starred(let value, _):
            bind(value, t, &state)
        default:
            evaluate(target, &state)
        }
    }

    /// `x`, `x.a.b`, `d['k']`, `l[0]` as a path; nil for anything else (a call's result, an
    /// entry whose key is not a constant).
    private func path(_ e: Expr, _ state: TaintState?) -> [String]? {
        var names: [String] = []
        var current = e
        while names.count <= 32 {
            switch current.kind {
            case .name(let id, _):
                names.append(id)
                return names.reversed()
            case .attribute(let value, let attr, _):
                names.append(attr)
                current = value
            case .subscript(let value, let slice, _):
                guard let state, var key = PythonConstants.value(of: slice, lookup: { state.constant($0) }) else { return nil }
                if case .int(let n) = key, let index = Int(n), index < 0 {
                    // `l[-1]` of a list whose length is known.
                    guard let base = path(value, state), let length = state.node(base)?.length, length + index >= 0 else { return nil }
                    key = .int(String(length + index))
                }
                guard let entry = TaintState.entry(key) else { return nil }
                names.append(entry)
                current = value
            default:
                return nil
            }
        }
        return nil
    }

    static func dottedName(_ e: Expr) -> String? {
        switch e.kind {
        case .name(let id, _): return id
        case .attribute(let value, let attr, _): return dottedName(value).map { $0 + "." + attr }
        default: return nil
        }
    }

    // MARK: Expressions

    private enum Use {
        /// The value itself (a variable read whole, with its attributes and entries).
        case value
        /// The object of an attribute or entry access: its own taint only (`o` in `o.b` is
        /// not tainted by `o.a`).
        case object
        /// A called method: its object is read whole (`o.m()` carries `o.a`'s taint).
        case callee
    }

    /// The taint of an expression's value; records the sinks it reaches tainted.
    @discardableResult
    private func evaluate(_ e: Expr, _ state: inout TaintState?, use: Use = .value, depth: Int = 0) -> Taint {
        guard state != nil, step(), depth < 500 else { return [] }
        let range = file.reportedRange(e)
        if let sanitizer = sanitizerAt[range] {
            // The sanitized value is clean; by side effect, so is the variable from here on.
            if sanitizer != .no, let path = path(e, state) { state?.kill(path) }
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
            t = use == .object || (id == "self" && use == .value) ? state?.readOwn([id]) ?? [] : state?.read([id]) ?? []
        case .attribute(let value, _, _):
            t = evaluate(value, &state, use: use == .callee ? .value : .object, depth: d)
            if let path = path(e, state) { t.formUnion(use == .object ? state?.readOwn(path) ?? [] : state?.read(path) ?? []) }
        case .subscript(let value, let slice, _):
            if let path = path(e, state) {
                // An entry with a constant key: that entry, not its neighbours.
                t = evaluate(value, &state, use: .object, depth: d)
                evaluate(slice, &state, depth: d)
                t.formUnion(use == .object ? state?.readOwn(path) ?? [] : state?.read(path) ?? [])
            } else {
                t = evaluate(value, &state, depth: d).union(evaluate(slice, &state, depth: d))
            }
        case .call(let function, let args, let keywords):
            if let modelled = containerCall(function, args, keywords, &state, depth: d) {
                t = modelled
            } else if let summarized = summarizedCall(e, function, args, keywords, &state, depth: d) {
                t = summarized
            } else {
                t = evaluate(function, &state, use: .callee, depth: d)
                for a in args { t.formUnion(evaluate(a, &state, depth: d)) }
                for k in keywords { t.formUnion(evaluate(k.value, &state, depth: d)) }
            }
        case .namedExpr(let target, let value):
            t = evaluate(value, &state, depth: d)
            bind(target, t, &state)
            if case .name(let id, _) = target.kind, let current = state {
                state?.setConstant(id, PythonConstants.value(of: value) { current.constant($0) })
            }
        case .ifExp(let test, let body, let orelse):
            evaluate(test, &state, depth: d)
            switch truth(test, state) {
            case true?: t = evaluate(body, &state, depth: d)
            case false?: t = evaluate(orelse, &state, depth: d)
            case nil:
                var yes = state, no = state
                refine(test, holds: true, &yes)
                refine(test, holds: false, &no)
                t = evaluate(body, &yes, depth: d).union(evaluate(orelse, &no, depth: d))
            }
        case .lambda(let args, let body):
            // Analysed where it is written, with the names it sees there.
            var inner = state
            for arg in Self.parameters(args) {
                inner?.kill([arg.arg])
                inner?.setConstant(arg.arg, nil)
            }
            for (arg, value) in zip((args.posonlyargs + args.args).suffix(args.defaults.count), args.defaults) {
                inner?.write([arg.arg], evaluate(value, &state, depth: d), strong: true)
            }
            evaluate(body, &inner, depth: d)
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
            let p = path(e, state)
            if let p { state?.write(p, origins, strong: false) }
            if effect == .yes || p == nil { t.formUnion(origins) }
        }
        if let flows = propagatorAt[range] {
            for (from, to) in flows {
                guard let carried = lastTaint[ObjectIdentifier(from)], !carried.isEmpty, let path = path(to, state) else { continue }
                state?.write(path, carried, strong: false)
            }
        }
        lastTaint[ObjectIdentifier(e)] = t
        if !t.isEmpty { reach(range, t, within: enclosing) }
        return t
    }

    /// Calls that read or change a container's entries by constant key or index:
    /// `d.get('k')`, `l.append(x)`, `l.pop(0)`, `l.insert(0, x)`, and configparser's
    /// `c.get('section', 'key')` / `c.set('section', 'key', v)`. nil for any other call.
    private func containerCall(_ function: Expr, _ args: [Expr], _ keywords: [Keyword], _ state: inout TaintState?, depth: Int) -> Taint? {
        guard keywords.isEmpty, case .attribute(let receiver, let method, _) = function.kind,
              ["get", "append", "pop", "insert", "set"].contains(method),
              sanitizerAt[file.reportedRange(function)] == nil, sourceAt[file.reportedRange(function)] == nil,
              let base = path(receiver, state), let current = state else { return nil }
        let constants = args.map { a in PythonConstants.value(of: a) { current.constant($0) }.flatMap(TaintState.entry) }
        let node = current.node(base)
        switch (method, args.count) {
        case ("get", 1), ("get", 2):
            guard let key = constants[0] else { return nil }
            // The object's own taint (a tainted mapping, a source) and the entry's.
            var t = evaluate(receiver, &state, use: .object, depth: depth)
            // configparser: `get(section, key)` where the section's entries are known.
            if args.count == 2, let option = constants[1], node?.fields[key]?.fields.isEmpty == false {
                return t.union(state?.read(base + [key, option]) ?? [])
            }
            t.formUnion(state?.read(base + [key]) ?? [])
            if args.count == 2 { t.formUnion(evaluate(args[1], &state, depth: depth)) }
            return t
        case ("set", 3):
            guard let section = constants[0], let option = constants[1] else { return nil }
            evaluate(receiver, &state, use: .object, depth: depth)
            let t = evaluate(args[2], &state, depth: depth)
            state?.write(base + [section, option], t.isEmpty ? t : t.through(SourceRange(function.span)), strong: true)
            return []
        case ("append", 1):
            guard let length = node?.length else { return nil }
            evaluate(receiver, &state, use: .object, depth: depth)
            let t = evaluate(args[0], &state, depth: depth)
            state?.modify(base) { list in
                list.fields["[\(length)]"] = Node(own: t)
                list.length = length + 1
            }
            return []
        case ("insert", 2):
            guard let length = node?.length, let key = constants[0], key.hasPrefix("["), let at = Int(key.dropFirst().dropLast()), at >= 0 else { return nil }
            evaluate(receiver, &state, use: .object, depth: depth)
            let t = evaluate(args[1], &state, depth: depth)
            state?.modify(base) { list in
                let position = min(at, length)
                for index in stride(from: length - 1, through: position, by: -1) { list.fields["[\(index + 1)]"] = list.fields["[\(index)]"] }
                list.fields["[\(position)]"] = Node(own: t)
                list.length = length + 1
            }
            return []
        case ("pop", 0), ("pop", 1):
            guard let length = node?.length, length > 0 else { return nil }
            var at = length - 1
            if args.count == 1 {
                guard let key = constants[0], key.hasPrefix("["), var index = Int(key.dropFirst().dropLast()) else { return nil }
                if index < 0 { index += length }
                guard index >= 0, index < length else { return nil }
                at = index
            }
            let t = evaluate(receiver, &state, use: .object, depth: depth).union(state?.read(base + ["[\(at)]"]) ?? [])
            state?.modify(base) { list in
                for index in at..<(length - 1) { list.fields["[\(index)]"] = list.fields["[\(index + 1)]"] }
                list.fields["[\(length - 1)]"] = nil
                list.length = length - 1
            }
            return t
        default:
            return nil
        }
    }

    private func comprehension(_ generators: [Comprehension], _ inner: inout TaintState?, _ outer: inout TaintState?, depth: Int) {
        for (index, g) in generators.enumerated() {
            // The first iterable is evaluated outside the comprehension.
            let t = index == 0 ? evaluate(g.iter, &outer, depth: depth) : evaluate(g.iter, &inner, depth: depth)
            bind(g.target, t, &inner)
            for condition in g.ifs {
                evaluate(condition, &inner, depth: depth)
                refine(condition, holds: true, &inner)
            }
        }
    }

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
            if reached { record(index, t) }
        }
    }

    /// Taint reaching a sink: sources make a finding; parameters, while a summary is computed,
    /// go into the summary.
    private func record(_ sink: Int, _ t: Taint) {
        let real = t.real
        if !real.isEmpty { hits[sink, default: []].formUnion(real) }
        if !builders.isEmpty {
            let symbolic = t.symbolic
            if !symbolic.isEmpty { builders[builders.count - 1].sinks[sink, default: []].formUnion(symbolic) }
        }
    }

    /// Taint reaching a sink of another file through a call.
    private func recordExternal(_ sink: ExternalSummary.Sink, _ t: Taint) {
        let real = t.real
        if !real.isEmpty { externalHits[sink.place, default: (sink, [])].taint.formUnion(real) }
        if !builders.isEmpty {
            let symbolic = t.symbolic
            if !symbolic.isEmpty { builders[builders.count - 1].externalSinks[sink.place, default: (sink, [])].taint.formUnion(symbolic) }
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
