import PythonSyntax
import RampartRegex

/// A rule's match in a file.
public struct RuleMatch: @unchecked Sendable {
    public var rule: Int
    public var range: SourceRange
    public var bindings: Bindings
    /// The message with its metavariables replaced by the code they matched.
    public var message: String
    /// The rule's `fix`/`fix-regex` for this match.
    public var fix: FixEdit?
    /// A taint finding's way from its source to its sink: the source, each assignment, the sink.
    public var trace: [TraceSite] = []
    /// The file of a taint finding whose sink is in another file than the one scanned (a
    /// function of that file called with tainted data); nil for the scanned file.
    public var path: String?

    init(rule: Int, range: SourceRange, bindings: Bindings, message: String, fix: FixEdit? = nil, trace: [TraceSite] = [], path: String? = nil) {
        self.rule = rule
        self.range = range
        self.bindings = bindings
        self.message = message
        self.fix = fix
        self.trace = trace
        self.path = path
    }
}

/// One place on a taint finding's way; `path` is nil in the scanned file.
public struct TraceSite: Sendable, Hashable {
    public var range: SourceRange
    public var path: String?

    public init(_ range: SourceRange, path: String? = nil) {
        self.range = range
        self.path = path
    }
}

/// What the rules found in one file, and what they could not finish.
public struct FileScanResult: Sendable {
    public var matches: [RuleMatch] = []
    /// Rules not fully checked on this file (a matching or regex budget ran out), with why.
    public var incomplete: [(rule: Int, reason: String)] = []
}

/// One pattern's match before the rule's formula combines it.
struct LeafMatch {
    var range: SourceRange
    var bindings: Bindings
}

extension RuleSet {
    /// Work a pattern may do on one file before it is stopped and reported.
    public static let defaultStepsPerPattern = 2_000_000

    /// Runs the rules (all, or those given) on a parsed file. Call it on a thread with a deep
    /// stack (`PythonParsing.withModule`'s): matching recurses through the tree.
    public func scan(_ file: TargetFile, rules selected: [Int]? = nil, stepsPerPattern: Int = RuleSet.defaultStepsPerPattern, project: TaintProject? = nil) -> FileScanResult {
        var ruleIndexes = selected ?? rules.indices.filter { rules[$0].applies(to: file.path) }
        var result = FileScanResult()
        guard !ruleIndexes.isEmpty else { return result }
        // `finish()` builds the index; a set used without it is still scanned correctly.
        let ruleLeaves = self.ruleLeaves.count == rules.count ? self.ruleLeaves : rules.map(\.formula.leaves)
        let present = NamePrefilter.identifiers(file.source)
        func activate(_ leaves: [Int], in active: inout [Bool]) {
            for leaf in leaves where !active[leaf] {
                // A pattern whose names the file lacks cannot match it: never tried.
                if topLevel[leaf] && patterns[leaf].requiredNames.allSatisfy(present.contains) { active[leaf] = true }
            }
        }
        // A taint rule without a source in the file can find nothing there: its sources are
        // matched first, and its sinks and sanitizers only in files where one matched.
        var earlyExhausted: [Int] = []
        // First, without a walk: a rule none of whose sink patterns can match the file's names
        // (nor, following calls into the project, those of a file it imports).
        let possible: (Int) -> Bool = { leaf in self.topLevel[leaf] && self.patterns[leaf].requiredNames.allSatisfy(present.contains) }
        let followsImports = project != nil && ruleIndexes.contains { rules[$0].taint?.interfile == true }
        let importedFiles = followsImports ? project?.imported(by: file) ?? [] : []
        let parsedFiles = TaintAnalysis.ParsedFiles()
        func imports(_ r: Int, holding what: KeyPath<(sources: Bool, sinks: Bool), Bool>) -> Bool {
            guard rules[r].taint?.interfile == true, let project else { return false }
            return importedFiles.contains { holds(rule: r, $0, project: project, files: parsedFiles)[keyPath: what] }
        }
        ruleIndexes.removeAll { r in
            guard let spec = rules[r].taint else { return false }
            return !spec.sinks.contains { sink in sink.formula.leaves.contains(where: possible) || sink.formula.hasRegex } && !imports(r, holding: \.sinks)
        }
        /// Whether the file calls, by name, a function of a file it imports that may return one
        /// of the rule's sources.
        func callsSourceFunctions(_ r: Int) -> Bool {
            guard rules[r].taint?.interfile == true, let project else { return false }
            return importedFiles.contains { path in
                guard holds(rule: r, path, project: project, files: parsedFiles).sources else { return false }
                let names = project.sourceReturningNames("\(ObjectIdentifier(self).hashValue)/\(r)\u{0}" + path) {
                    guard let callee = parsedFiles.file(path, in: project) else { return [] }
                    var cross = crossFile(rule: r, project: project, files: parsedFiles)
                    cross.depth = 1
                    return cross.analyse(callee, cross, stepsPerPattern).sourceReturningNames()
                }
                return names?.contains(where: present.contains) ?? true
            }
        }
        let taintRules = ruleIndexes.filter { rules[$0].taint != nil }
        if !taintRules.isEmpty {
            var sourcesOnly = [Bool](repeating: false, count: patterns.count)
            for r in taintRules { activate(rules[r].taint?.sources.flatMap { $0.formula.leaves } ?? [], in: &sourcesOnly) }
            let first = FileWalker(set: self, file: file, active: sourcesOnly, steps: stepsPerPattern)
            if sourcesOnly.contains(true) { first.walk() }
            let sourceEvaluator = FormulaEvaluator(set: self, file: file, leaves: first.results, stepsPerPattern: stepsPerPattern)
            var idle = Set<Int>()
            for r in taintRules {
                guard let spec = rules[r].taint else { continue }
                let leaves = spec.sources.flatMap { $0.formula.leaves }
                if leaves.contains(where: { first.exhausted[$0] }) {
                    earlyExhausted.append(r)
                } else if spec.sources.allSatisfy({ sourceEvaluator.evaluate($0.formula, context: nil).isEmpty }) && !callsSourceFunctions(r) {
                    idle.insert(r)
                }
            }
            ruleIndexes.removeAll { idle.contains($0) }
            for r in earlyExhausted {
                result.incomplete.append((r, "pattern at line \(rules[r].line) stopped after \(stepsPerPattern) matching steps"))
            }
            ruleIndexes.removeAll { earlyExhausted.contains($0) }
            guard !ruleIndexes.isEmpty else { return result }
        }
        var active = [Bool](repeating: false, count: patterns.count)
        for r in ruleIndexes { activate(ruleLeaves[r], in: &active) }
        let walker = FileWalker(set: self, file: file, active: active, steps: stepsPerPattern)
        if active.contains(true) { walker.walk() }
        let evaluator = FormulaEvaluator(set: self, file: file, leaves: walker.results, stepsPerPattern: stepsPerPattern)
        for r in ruleIndexes {
            var reasons: [String] = []
            var ranges: [RangeMatch]
            if let spec = rules[r].taint {
                ranges = taintFindings(spec, rule: r, file: file, evaluator: evaluator, steps: stepsPerPattern, project: project, files: parsedFiles, reasons: &reasons)
            } else {
                ranges = evaluator.evaluate(rules[r].formula, context: nil)
            }
            // One finding per place (Semgrep deduplicates identical ranges the same way).
            var seen = Set<TraceSite>()
            ranges = ranges.filter { seen.insert(TraceSite($0.range, path: $0.path)).inserted }
            ranges.sort { ($0.path ?? "", $0.range) < ($1.path ?? "", $1.range) }
            for range in ranges {
                var match = RuleMatch(rule: r, range: range.range, bindings: range.bindings,
                                      message: range.message ?? Interpolation.apply(rules[r].message, range.bindings, file), trace: range.trace, path: range.path)
                if range.path == nil, rules[r].fix != nil || rules[r].fixRegex != nil { match.fix = Autofix.edit(rules[r], match, file) }
                result.matches.append(match)
            }
            for leaf in ruleLeaves[r] where walker.exhausted[leaf] {
                reasons.append("pattern at line \(rules[r].line) stopped after \(stepsPerPattern) matching steps")
            }
            reasons += evaluator.problems(for: rules[r].formula)
            if !reasons.isEmpty { result.incomplete.append((r, reasons.joined(separator: "; "))) }
        }
        return result
    }
}

extension RuleSet {
    /// A taint rule's findings: the sinks tainted data reaches, with the sink's bindings (and
    /// the first source's, for names the sink does not bind).
    func taintFindings(_ spec: TaintSpec, rule: Int, file: TargetFile, evaluator: FormulaEvaluator, steps: Int, project: TaintProject?, files: TaintAnalysis.ParsedFiles, reasons: inout [String]) -> [RangeMatch] {
        let analysis = taintAnalysis(spec, rule: rule, file: file, evaluator: evaluator, steps: steps, cross: project.map { crossFile(rule: rule, project: $0, files: files) })
        let hits = analysis.run()
        if analysis.exhausted { reasons.append("taint analysis stopped after \(steps) steps") }
        return hits.map { hit in
            var match = RangeMatch(range: hit.sink.range, bindings: hit.sink.bindings, kind: .plain)
            let sinkPath = hit.external?.place.path == file.path ? nil : hit.external?.place.path
            if let external = hit.external {
                match.message = external.message
                if external.place.path != file.path { match.path = external.place.path }
            }
            // The first source (in the file's order) explains the finding: its bindings fill
            // the message's names the sink does not bind, its way is the trace.
            if let first = hit.taint.origins.min() {
                let source = analysis.source(first)
                if hit.external == nil { match.bindings = match.bindings.merging(source.bindings) }
                let sourceSite = TraceSite(source.range, path: analysis.sourcePath(first))
                let sinkSite = TraceSite(hit.sink.range, path: sinkPath)
                var sites: [TraceSite] = []
                for step in hit.taint.ways[first] ?? [] {
                    let site = TraceSite(step)
                    if site != sinkSite, site != sourceSite, sites.last != site { sites.append(site) }
                }
                match.trace = [sourceSite] + sites + [sinkSite]
            }
            return match
        }
    }

    private func taintAnalysis(_ spec: TaintSpec, rule: Int, file: TargetFile, evaluator: FormulaEvaluator, steps: Int, cross: TaintAnalysis.CrossFile?) -> TaintAnalysis {
        func matches(_ formulas: [Formula]) -> [[RangeMatch]] { formulas.map { evaluator.evaluate($0, context: nil) } }
        return TaintAnalysis(
            file: file, spec: spec,
            matches: (matches(spec.sources.map(\.formula)), matches(spec.sinks.map(\.formula)),
                      matches(spec.sanitizers.map(\.formula)), matches(spec.propagators.map(\.formula))),
            steps: steps, cross: cross)
    }

    /// How a taint rule's analysis follows calls into the project's other files: each is
    /// analysed with the same rule, its own sources, sinks and sanitizers matched on it.
    private func crossFile(rule: Int, project: TaintProject, files: TaintAnalysis.ParsedFiles) -> TaintAnalysis.CrossFile {
        TaintAnalysis.CrossFile(
            project: project,
            analyse: { [unowned self] file, cross, steps in
                let spec = self.rules[rule].taint ?? TaintSpec()
                let present = NamePrefilter.identifiers(file.source)
                var active = [Bool](repeating: false, count: self.patterns.count)
                for leaf in self.ruleLeaves(rule) where self.topLevel[leaf] && self.patterns[leaf].requiredNames.allSatisfy(present.contains) { active[leaf] = true }
                let walker = FileWalker(set: self, file: file, active: active, steps: steps)
                if active.contains(true) { walker.walk() }
                let evaluator = FormulaEvaluator(set: self, file: file, leaves: walker.results, stepsPerPattern: steps)
                return self.taintAnalysis(spec, rule: rule, file: file, evaluator: evaluator, steps: steps, cross: cross)
            },
            message: { [unowned self] match, file in Interpolation.apply(self.rules[rule].message, match.bindings, file) },
            mayHold: { [unowned self] path in self.holds(rule: rule, path, project: project, files: files) },
            files: files, rule: "\(ObjectIdentifier(self).hashValue)/\(rule)", depth: 0)
    }

    /// Whether a file of the project holds a taint rule's sources and its sinks: by names first
    /// (no parse), then by matching the file once for the project, for every taint rule at once.
    func holds(rule: Int, _ path: String, project: TaintProject, files: TaintAnalysis.ParsedFiles) -> (sources: Bool, sinks: Bool) {
        guard let spec = rules[rule].taint else { return (false, false) }
        let names = project.identifiers(path)
        let regexSinks = spec.sinks.contains { $0.formula.hasRegex }
        guard mayHold(spec.sources.flatMap { $0.formula.leaves }, in: names) || regexSinks || mayHold(spec.sinks.flatMap { $0.formula.leaves }, in: names) else { return (false, false) }
        let all = project.holds("\(ObjectIdentifier(self).hashValue)\u{0}" + path) {
            var out = [(sources: Bool, sinks: Bool)](repeating: (false, false), count: rules.count)
            guard let file = files.file(path, in: project) else { return out }
            let present = NamePrefilter.identifiers(file.source)
            var active = [Bool](repeating: false, count: patterns.count)
            let taintRules = rules.indices.filter { rules[$0].taint?.interfile == true }
            for r in taintRules {
                guard let spec = rules[r].taint else { continue }
                let leaves = spec.sources.flatMap { $0.formula.leaves } + spec.sinks.flatMap { $0.formula.leaves }
                for leaf in leaves where topLevel[leaf] && patterns[leaf].requiredNames.allSatisfy(present.contains) { active[leaf] = true }
            }
            let walker = FileWalker(set: self, file: file, active: active, steps: RuleSet.defaultStepsPerPattern)
            if active.contains(true) { walker.walk() }
            let evaluator = FormulaEvaluator(set: self, file: file, leaves: walker.results, stepsPerPattern: RuleSet.defaultStepsPerPattern)
            for r in taintRules {
                guard let spec = rules[r].taint else { continue }
                out[r] = (spec.sources.contains { !evaluator.evaluate($0.formula, context: nil).isEmpty },
                          spec.sinks.contains { !evaluator.evaluate($0.formula, context: nil).isEmpty })
            }
            return out
        }
        return rule < all.count ? all[rule] : (false, false)
    }

    /// Whether a file with these identifiers (hashed, sorted) may match one of the leaves.
    func mayHold(_ leaves: [Int], in names: [UInt64]) -> Bool {
        func has(_ name: UInt64) -> Bool {
            var low = 0, high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid] < name { low = mid + 1 } else { high = mid }
            }
            return low < names.count && names[low] == name
        }
        return leaves.contains { topLevel[$0] && patterns[$0].requiredNames.allSatisfy(has) }
    }

    private func ruleLeaves(_ rule: Int) -> [Int] {
        ruleLeaves.count == rules.count ? ruleLeaves[rule] : rules[rule].formula.leaves
    }
}

extension Formula {
    /// Whether a `pattern-regex` is part of it (regexes are not prefiltered by name).
    var hasRegex: Bool {
        switch kind {
        case .regex: return true
        case .pattern: return false
        case .and(let fs), .or(let fs): return fs.contains { $0.hasRegex }
        case .not, .inside, .anywhere: return false
        }
    }

    /// Every pattern leaf, nested conditions included.
    var leaves: [Int] {
        var out: [Int] = []
        forEachPattern { out.append($0) }
        return out
    }

    /// Every pattern leaf, nested conditions included.
    func forEachPattern(_ body: (Int) -> Void) {
        switch kind {
        case .pattern(let i): body(i)
        case .regex: break
        case .and(let fs), .or(let fs): for f in fs { f.forEachPattern(body) }
        case .not(let f), .inside(let f), .anywhere(let f): f.forEachPattern(body)
        }
        for condition in conditions {
            if case .pattern(_, _, let f) = condition { f.forEachPattern(body) }
        }
    }
}

/// Walks a file once, trying at each node the patterns its index allows.
final class FileWalker {
    let set: RuleSet
    let file: TargetFile
    let active: [Bool]
    let matcher: Matcher
    var results: [[LeafMatch]]
    var exhausted: [Bool]
    private var stepsLeft: [Int]
    private var seen: [Set<MatchKey>]

    struct MatchKey: Hashable {
        var range: SourceRange
        var bound: [Span?]
    }

    init(set: RuleSet, file: TargetFile, active: [Bool], steps: Int) {
        self.set = set
        self.file = file
        self.active = active
        matcher = Matcher(file: file, facts: set.facts, steps: steps)
        results = Array(repeating: [], count: set.patterns.count)
        exhausted = Array(repeating: false, count: set.patterns.count)
        stepsLeft = Array(repeating: steps, count: set.patterns.count)
        seen = Array(repeating: [], count: set.patterns.count)
    }

    func walk() {
        block(file.module.body, file.moduleScope, depth: 0)
    }

    private func record(_ leaf: Int, _ range: SourceRange, _ bindings: Bindings) {
        let key = MatchKey(range: range, bound: bindings.spans)
        guard seen[leaf].insert(key).inserted else { return }
        results[leaf].append(LeafMatch(range: range, bindings: bindings))
    }

    /// Runs `body` with the matcher set up for `leaf`; false when the leaf is spent.
    @inline(__always) private func attempt(_ leaf: Int, _ body: (CompiledPattern) -> Void) {
        guard active[leaf], !exhausted[leaf] else { return }
        let pattern = set.patterns[leaf]
        matcher.stepsLeft = stepsLeft[leaf]
        matcher.clearExhausted()
        matcher.options = pattern.options
        body(pattern)
        stepsLeft[leaf] = matcher.stepsLeft
        if matcher.exhausted { exhausted[leaf] = true }
    }

    private func block(_ statements: [Stmt], _ scope: Scope, depth: Int) {
        for leaf in set.sequences {
            attempt(leaf) { pattern in
                guard case .sequence(let ps) = pattern.shape else { return }
                if ps.count > 1, PatternSyntax.isEllipsis(ps[0]) {
                    leadingEllipsis(leaf, ps, statements, scope)
                    return
                }
                for start in statements.indices where !matcher.exhausted {
                    matcher.statements(ps[...], statements[start...], flat: false, lessIsOk: true, range: nil, scope, Bindings()) { b, r in
                        if let r { self.record(leaf, r, b) }
                    }
                }
            }
        }
        for s in statements { statement(s, scope, depth: depth) }
    }

    /// `...` then statements: Semgrep reports one match per statement the `...` may start at.
    /// The rest is matched once at each position, and each match is then extended back to
    /// every start, so a long block costs its length plus the matches, not its length squared.
    private func leadingEllipsis(_ leaf: Int, _ ps: [Stmt], _ ts: [Stmt], _ scope: Scope) {
        let rest = ps.dropFirst()
        guard !ts.isEmpty else { return }
        for j in ts.indices where !matcher.exhausted {
            matcher.statements(rest, ts[j...], flat: false, lessIsOk: true, range: nil, scope, Bindings()) { b, r in
                guard let r else { return }
                self.record(leaf, r, b)
                for i in 0..<j {
                    let consumed = SourceRange(Matcher.fullSpan(ts[i]).start, Matcher.fullSpan(ts[j - 1]).end)
                    self.record(leaf, SourceRange(min(consumed.start, r.start), max(consumed.end, r.end)), b)
                }
            }
        }
        // Deeper: the statements after a start, flattened (each followed by its blocks' statements).
        var flat: [Stmt] = []
        var positions: [Int] = []
        var owner: [Int] = []
        for (k, t) in ts.enumerated() {
            positions.append(flat.count)
            let before = flat.count
            StatementChildren.flatten([t][...], into: &flat)
            owner += Array(repeating: k, count: flat.count - before)
        }
        guard flat.count > ts.count else { return }
        for q in flat.indices where !matcher.exhausted {
            matcher.statements(rest, flat[q...], flat: true, lessIsOk: true, range: nil, scope, Bindings()) { b, r in
                guard let r else { return }
                // The last statement of the block taken whole before `q`.
                let k = positions[owner[q]] < q ? owner[q] : owner[q] - 1
                for i in ts.indices where positions[i] <= q {
                    guard i <= k else {
                        self.record(leaf, r, b)
                        continue
                    }
                    let consumed = SourceRange(Matcher.fullSpan(ts[i]).start, Matcher.fullSpan(ts[k]).end)
                    self.record(leaf, SourceRange(min(consumed.start, r.start), max(consumed.end, r.end)), b)
                }
            }
        }
    }

    private func statement(_ s: Stmt, _ scope: Scope, depth: Int) {
        guard depth < 400 else { return }
        for leaf in set.statementsByKind[NodeKinds.statement(s)] {
            attempt(leaf) { pattern in
                guard case .statement(let p) = pattern.shape else { return }
                matcher.statement(p, s, scope, Bindings()) { self.record(leaf, SourceRange(Matcher.fullSpan(s)), $0) }
            }
        }
        let d = depth + 1
        switch s.kind {
        case .functionDef(let f):
            for e in f.decorators { expression(e, scope, depth: d) }
            arguments(f.args, scope, depth: d)
            if let r = f.returns { expression(r, scope, depth: d) }
            block(f.body, file.scope(of: s) ?? scope, depth: d)
        case .classDef(_, let bases, let keywords, let body, let decorators, _):
            for e in decorators + bases { expression(e, scope, depth: d) }
            for k in keywords { expression(k.value, scope, depth: d) }
            block(body, file.scope(of: s) ?? scope, depth: d)
        case .return(let v): if let v { expression(v, scope, depth: d) }
        case .delete(let ts): for t in ts { expression(t, scope, depth: d) }
        case .assign(let ts, let v):
            for t in ts { expression(t, scope, depth: d) }
            expression(v, scope, depth: d)
        case .typeAlias(let n, _, let v):
            expression(n, scope, depth: d)
            expression(v, scope, depth: d)
        case .augAssign(let t, _, let v):
            expression(t, scope, depth: d)
            expression(v, scope, depth: d)
        case .annAssign(let t, let a, let v, _):
            expression(t, scope, depth: d)
            expression(a, scope, depth: d)
            if let v { expression(v, scope, depth: d) }
        case .for(let t, let i, let body, let orelse, _):
            expression(t, scope, depth: d)
            expression(i, scope, depth: d)
            block(body, scope, depth: d)
            block(orelse, scope, depth: d)
        case .while(let t, let body, let orelse), .if(let t, let body, let orelse):
            expression(t, scope, depth: d)
            block(body, scope, depth: d)
            block(orelse, scope, depth: d)
        case .with(let items, let body, _):
            for item in items {
                expression(item.contextExpr, scope, depth: d)
                if let v = item.optionalVars { expression(v, scope, depth: d) }
            }
            block(body, scope, depth: d)
        case .match(let subject, let cases):
            expression(subject, scope, depth: d)
            for c in cases {
                if let g = c.guardExpr { expression(g, scope, depth: d) }
                block(c.body, scope, depth: d)
            }
        case .raise(let e, let c):
            if let e { expression(e, scope, depth: d) }
            if let c { expression(c, scope, depth: d) }
        case .try(let body, let handlers, let orelse, let finalbody, _):
            block(body, scope, depth: d)
            for h in handlers {
                if let t = h.type { expression(t, scope, depth: d) }
                block(h.body, scope, depth: d)
            }
            block(orelse, scope, depth: d)
            block(finalbody, scope, depth: d)
        case .assert(let t, let m):
            expression(t, scope, depth: d)
            if let m { expression(m, scope, depth: d) }
        case .expr(let v): expression(v, scope, depth: d)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue: break
        }
    }

    private func arguments(_ a: Arguments, _ scope: Scope, depth: Int) {
        for arg in a.posonlyargs + a.args + a.kwonlyargs { if let x = arg.annotation { expression(x, scope, depth: depth) } }
        if let x = a.vararg?.annotation { expression(x, scope, depth: depth) }
        if let x = a.kwarg?.annotation { expression(x, scope, depth: depth) }
        for x in a.defaults { expression(x, scope, depth: depth) }
        for case let x? in a.kwDefaults { expression(x, scope, depth: depth) }
    }

    private func expression(_ e: Expr, _ scope: Scope, depth: Int) {
        guard depth < 3500 else { return }
        tryLeaves(set.anyExpression, e, scope)
        let kind = NodeKinds.expression(e)
        tryLeaves(set.expressionsByKind[kind], e, scope)
        switch e.kind {
        case .call(let f, _, _):
            tryLeaves(set.anyCall, e, scope)
            if let (literal, resolved) = lastNames(f, scope) {
                if let leaves = set.callsByName[literal] { tryLeaves(leaves, e, scope) }
                if let resolved, resolved != literal, let leaves = set.callsByName[resolved] { tryLeaves(leaves, e, scope) }
            }
        case .dict(let keys, let values) where !set.dictEntryTuples.isEmpty:
            for (key, value) in zip(keys, values) {
                guard let key else { continue }
                let entry = Expr(.tuple(elts: [key, value], ctx: .load), Span(key.span.start, value.span.end))
                tryLeaves(set.dictEntryTuples, entry, scope)
            }
        case .name, .attribute:
            if !set.namesByName.isEmpty, let (literal, resolved) = lastNames(e, scope) {
                if let leaves = set.namesByName[literal] { tryLeaves(leaves, e, scope) }
                if let resolved, resolved != literal, let leaves = set.namesByName[resolved] { tryLeaves(leaves, e, scope) }
            }
        default:
            break
        }
        ExpressionChildren.forEach(e) { self.expression($0, scope, depth: depth + 1) }
    }

    private func tryLeaves(_ leaves: [Int], _ e: Expr, _ scope: Scope) {
        for leaf in leaves {
            attempt(leaf) { pattern in
                guard case .expression(let p) = pattern.shape else { return }
                matcher.expr(p, e, scope, Bindings()) { self.record(leaf, file.reportedRange(e), $0) }
            }
        }
    }

    /// The last name of a name or attribute, as written and through an import (`c` imported as
    /// `from subprocess import call as c` gives `c` and `call`).
    private func lastNames(_ e: Expr, _ scope: Scope) -> (String, String?)? {
        switch e.kind {
        case .name(let id, _):
            return (id, scope.importedParts(id, at: e.span.start)?.last)
        case .attribute(_, let attr, _):
            return (attr, nil)
        default:
            return nil
        }
    }
}
