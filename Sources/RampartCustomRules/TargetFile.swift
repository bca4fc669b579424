import PythonSyntax

/// What the matcher knows of a target file beyond its tree: its bytes (for text, regexes and
/// messages), and per scope the names imports bind and the names holding constants.
public final class TargetFile: @unchecked Sendable {
    public let path: String
    public let source: [UInt8]
    public let module: Module
    /// Byte offset where each line starts (line 1 at index 0).
    let lineStarts: [Int]
    let moduleScope: Scope
    /// The scope of each function, lambda-free class body and comprehension-free function.
    private(set) var scopes: [ObjectIdentifier: Scope] = [:]

    public init(path: String, source: [UInt8], module: Module) {
        self.path = path
        self.source = source
        self.module = module
        var starts = [0]
        for (i, byte) in source.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
        moduleScope = Scope(parent: nil)
        moduleScope.body = module.body
        moduleScope.collect(module.body, file: self)
    }

    func register(_ statement: Stmt, _ scope: Scope) {
        scopes[ObjectIdentifier(statement)] = scope
        scopeRanges.append((SourceRange(statement.span), scope))
    }

    private var scopeRanges: [(range: SourceRange, scope: Scope)] = []

    /// The innermost scope holding `range` (for matching inside a bound value).
    func scope(containing range: SourceRange) -> Scope {
        var best: (range: SourceRange, scope: Scope)?
        for entry in scopeRanges where range.isInside(entry.range) {
            if best == nil || entry.range.isInside(best!.range) { best = entry }
        }
        return best?.scope ?? moduleScope
    }

    private var declaring: [ObjectIdentifier: ObjectIdentifier?] = [:]

    /// The scope declaring the variable a name reads (nil when none does: a builtin, say), as
    /// Semgrep resolves names: a function's local `x` is another variable than the module's.
    func declaringScope(of e: Expr) -> ObjectIdentifier? {
        guard case .name(let id, _) = e.kind else { return nil }
        let key = ObjectIdentifier(e)
        if let known = declaring[key] { return known }
        var scope: Scope? = scope(containing: SourceRange(e.span))
        var found: ObjectIdentifier?
        while let s = scope {
            if s.globals.contains(id), s.parent != nil {
                found = ObjectIdentifier(s.root)
                break
            }
            if s.bindings[id] != nil || s.imports[id] != nil {
                found = ObjectIdentifier(s)
                break
            }
            scope = s.lexicalParent ?? s.parent
        }
        declaring[key] = .some(found)
        return found
    }

    /// The scope a function or class statement opens.
    func scope(of statement: Stmt) -> Scope? { scopes[ObjectIdentifier(statement)] }

    /// Whether a generator expression is a call's only argument, written without its own
    /// parentheses (`any(x for x in y)`): what comes before its `(` is the called expression.
    func isBareGenerator(_ e: Expr) -> Bool {
        guard case .generatorExp = e.kind else { return false }
        var i = offset(e.span.start) - 1
        while i >= 0, source[i] == UInt8(ascii: " ") || source[i] == UInt8(ascii: "\t") || source[i] == UInt8(ascii: "\n") || source[i] == UInt8(ascii: "\\") { i -= 1 }
        guard i >= 0 else { return false }
        let c = source[i]
        if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { return true }
        guard Self.isNameByte(c) else { return false }
        var start = i
        while start > 0, Self.isNameByte(source[start - 1]) { start -= 1 }
        let word = String(decoding: source[start...i], as: UTF8.self)
        return !Self.keywords.contains(word)
    }

    private static let keywords: Set<String> = [
        "return", "yield", "in", "not", "and", "or", "if", "else", "elif", "await", "assert", "del", "is", "for",
        "while", "with", "as", "from", "import", "lambda", "raise", "print", "exec",
    ]

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c >= 0x80
    }

    /// The range Semgrep reports for a node: a bare generator without its call's parentheses.
    func reportedRange(_ e: Expr) -> SourceRange {
        guard case .generatorExp(let elt, let gens) = e.kind, isBareGenerator(e), let last = gens.last else { return SourceRange(e.span) }
        let end = last.ifs.last?.span.end ?? last.iter.span.end
        return SourceRange(elt.span.start, end)
    }

    /// The byte offset of a position (columns are UTF-8 bytes).
    func offset(_ position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= lineStarts.count else { return source.count }
        return min(lineStarts[position.line - 1] + position.column, source.count)
    }

    /// The position of a byte offset.
    func position(ofOffset offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(line: low + 1, column: offset - lineStarts[low])
    }

    /// The source text of a span.
    func text(_ span: Span) -> String {
        let start = offset(span.start)
        let end = max(start, offset(span.end))
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    /// The span of the attribute name that ends an attribute expression (`b` of `a.b`).
    func attributeNameSpan(_ expr: Expr, _ attr: String) -> Span {
        let end = expr.span.end
        return Span(SourcePosition(line: end.line, column: max(0, end.column - attr.utf8.count)), end)
    }
}

/// A scope's names: those imports bind (with what they stand for), those bound otherwise, and
/// those bound exactly once to a constant (Semgrep's constant propagation).
final class Scope {
    let parent: Scope?
    /// The scope written around this one, a class body included (Semgrep resolves a method's
    /// names through its class body; Python does not).
    var lexicalParent: Scope?
    var imports: [String: (parts: [String], position: SourcePosition)] = [:]
    /// How many times each name is bound other than by an import.
    var bindings: [String: Int] = [:]
    /// The constant expression a name is bound to, for names bound once.
    var constantExpressions: [String: Expr] = [:]
    /// Declared types: annotated assignments and parameters (`metavariable-type`).
    var annotations: [String: Expr] = [:]
    /// Names declared `global` (their bindings count in the module scope).
    var globals: Set<String> = []
    private var folded: [String: ConstantValue?] = [:]
    /// The statements of the scope, for the flow-sensitive pass.
    var body: [Stmt] = []
    private var flow: [ObjectIdentifier: ConstantValue]?

    init(parent: Scope?) { self.parent = parent }

    private var symbols: [ObjectIdentifier: Expr] = [:]

    private func runFlow() {
        var pass = ConstantFlow(scope: self)
        pass.run(body)
        flow = pass.values
        symbols = pass.symbols
    }

    /// The expression a name was last assigned where it is read (symbolic propagation).
    func symbolicValue(of name: Expr) -> Expr? {
        if flow == nil { runFlow() }
        return symbols[ObjectIdentifier(name)]
    }

    /// Whether `name` is ever assigned here or in an enclosing scope (else it holds no constant).
    func isAssigned(_ name: String) -> Bool {
        var scope: Scope? = self
        while let s = scope {
            if s.constantExpressions[name] != nil { return true }
            scope = s.parent
        }
        return false
    }

    /// The constant an expression of this scope evaluates to where it is (flow-sensitive for
    /// the scope's own names; names of enclosing scopes count when bound once).
    func constantValue(of expr: Expr) -> ConstantValue? {
        // Many patterns ask about the same node: each answer is worked out once.
        let key = ObjectIdentifier(expr)
        if let known = valueMemo[key] { return known }
        let value = computeConstantValue(of: expr)
        valueMemo[key] = .some(value)
        return value
    }

    private var valueMemo: [ObjectIdentifier: ConstantValue?] = [:]

    private func computeConstantValue(of expr: Expr) -> ConstantValue? {
        // Most names are never assigned a value at all (parameters, imports, builtins).
        if case .name(let id, _) = expr.kind, !isAssigned(id) { return nil }
        // Semgrep does not propagate class attributes, even inside the class body.
        if isClassScope { return nil }
        if flow == nil { runFlow() }
        let values = flow ?? [:]
        return ConstantFolding.value(of: expr) { node, name in
            if let v = values[ObjectIdentifier(node)] { return .some(v) }
            return self.bindings[name] == nil && self.imports[name] == nil ? .some(self.parent?.constant(name)) : nil
        }
    }

    /// What `name` stands for through an import, as dotted parts, unless a closer binding hides it.
    func importedParts(_ name: String, at position: SourcePosition) -> [String]? {
        var scope: Scope? = self
        while let s = scope {
            if s.globals.contains(name), s.parent != nil { return s.root.importedParts(name, at: position) }
            // An import names a module for the code after it.
            if let entry = s.imports[name], entry.position < position { return entry.parts }
            if s.bindings[name] != nil { return nil }
            scope = s.parent
        }
        return nil
    }

    var root: Scope { parent?.root ?? self }

    /// The annotation of `name` in the closest scope that declares one.
    func annotation(_ name: String) -> Expr? {
        var scope: Scope? = self
        while let s = scope {
            if let a = s.annotations[name] { return a }
            if s.bindings[name] != nil || s.imports[name] != nil { return nil }
            scope = s.parent
        }
        return nil
    }

    /// The constant value `name` holds here, if it is bound once to a constant.
    func constant(_ name: String, depth: Int = 0) -> ConstantValue? {
        var scope: Scope? = self
        while let s = scope {
            if s.imports[name] != nil { return nil }
            if s.globals.contains(name), s.parent != nil { return s.root.constant(name, depth: depth) }
            if let count = s.bindings[name] {
                guard count == 1, let expr = s.constantExpressions[name] else { return nil }
                if let cached = s.folded[name] { return cached }
                s.folded[name] = .some(nil)  // cycles (`x = x + "a"`) fold to nothing
                let value = depth < 16 ? ConstantFolding.value(of: expr, depth: depth + 1) { _, n in .some(s.constant(n, depth: depth + 1)) } : nil
                s.folded[name] = value
                return value
            }
            scope = s.parent
        }
        return nil
    }

    // MARK: Collecting a scope's names

    func collect(_ body: [Stmt], file: TargetFile) {
        for statement in body { collect(statement, file: file) }
    }

    private func bind(_ name: String) { bindings[name, default: 0] += 1 }

    private func bindTarget(_ target: Expr, file: TargetFile) {
        switch target.kind {
        case .name(let id, _): bind(id)
        case .tuple(let elts, _), .list(let elts, _): for e in elts { bindTarget(e, file: file) }
        case .starred(let value, _): bindTarget(value, file: file)
        default: break
        }
        collectExpressions(target, file: file)
    }

    private func collect(_ statement: Stmt, file: TargetFile) {
        switch statement.kind {
        case .functionDef(let f):
            bind(f.name)
            for d in f.decorators { collectExpressions(d, file: file) }
            let inner = Scope(parent: self.functionParent)
            inner.lexicalParent = self
            for arg in f.args.posonlyargs + f.args.args + f.args.kwonlyargs {
                inner.bind(arg.arg)
                if let annotation = arg.annotation { inner.annotations[arg.arg] = annotation }
            }
            if let v = f.args.vararg { inner.bind(v.arg) }
            if let v = f.args.kwarg { inner.bind(v.arg) }
            inner.body = f.body
            inner.collect(f.body, file: file)
            inner.finishGlobals()
            file.register(statement, inner)
        case .classDef(let name, let bases, let keywords, let body, let decorators, _):
            bind(name)
            for e in bases + decorators + keywords.map(\.value) { collectExpressions(e, file: file) }
            let inner = Scope(parent: self)
            inner.isClass = true
            inner.body = body
            inner.collect(body, file: file)
            file.register(statement, inner)
        case .assign(let targets, let value):
            for t in targets { bindTarget(t, file: file) }
            if targets.count == 1, case .name(let id, _) = targets[0].kind { constantExpressions[id] = value }
            collectExpressions(value, file: file)
        case .augAssign(let target, _, let value):
            // Bound twice: an augmented name never holds a constant.
            bindTarget(target, file: file)
            bindTarget(target, file: file)
            collectExpressions(value, file: file)
        case .annAssign(let target, let annotation, let value, _):
            if case .name(let id, _) = target.kind { annotations[id] = annotation }
            if let value {
                bindTarget(target, file: file)
                if case .name(let id, _) = target.kind { constantExpressions[id] = value }
                collectExpressions(value, file: file)
            }
            collectExpressions(annotation, file: file)
        case .for(let target, let iter, let body, let orelse, _):
            bindTarget(target, file: file)
            bindTarget(target, file: file)  // a loop binds its target many times
            collectExpressions(iter, file: file)
            collect(body, file: file)
            collect(orelse, file: file)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            collectExpressions(test, file: file)
            collect(body, file: file)
            collect(orelse, file: file)
        case .with(let items, let body, _):
            for item in items {
                collectExpressions(item.contextExpr, file: file)
                if let vars = item.optionalVars { bindTarget(vars, file: file) }
            }
            collect(body, file: file)
        case .match(let subject, let cases):
            collectExpressions(subject, file: file)
            for c in cases {
                collectCaptures(c.pattern)
                if let g = c.guardExpr { collectExpressions(g, file: file) }
                collect(c.body, file: file)
            }
        case .try(let body, let handlers, let orelse, let finalbody, _):
            collect(body, file: file)
            for h in handlers {
                if let name = h.name { bind(name) }
                if let t = h.type { collectExpressions(t, file: file) }
                collect(h.body, file: file)
            }
            collect(orelse, file: file)
            collect(finalbody, file: file)
        case .import(let names):
            for alias in names {
                let parts = alias.name.split(separator: ".").map(String.init)
                if let asname = alias.asname {
                    imports[asname] = (parts, statement.span.start)
                } else if let first = parts.first {
                    imports[first] = ([first], statement.span.start)
                }
            }
        case .importFrom(let module, let names, let level):
            guard level == 0, let module else {
                for alias in names where alias.name != "*" { bind(alias.asname ?? alias.name) }
                return
            }
            let base = module.split(separator: ".").map(String.init)
            for alias in names where alias.name != "*" { imports[alias.asname ?? alias.name] = (base + [alias.name], statement.span.start) }
        case .global(let names):
            globals.formUnion(names)
        case .nonlocal(let names):
            for n in names { bind(n) }
        case .delete(let targets):
            for t in targets { bindTarget(t, file: file) }
        case .typeAlias(let name, _, let value):
            bindTarget(name, file: file)
            collectExpressions(value, file: file)
        case .return(let value):
            if let value { collectExpressions(value, file: file) }
        case .raise(let exc, let cause):
            for e in [exc, cause].compactMap({ $0 }) { collectExpressions(e, file: file) }
        case .assert(let test, let msg):
            collectExpressions(test, file: file)
            if let msg { collectExpressions(msg, file: file) }
        case .expr(let value):
            collectExpressions(value, file: file)
        case .pass, .break, .continue:
            break
        }
    }

    private var isClass = false
    var isClassScope: Bool { isClass }

    /// Functions defined in a class body see the class's enclosing scope, not the class's names.
    private var functionParent: Scope { isClass ? (parent ?? self) : self }

    /// A function's `global x` statements move its bindings of `x` to the module scope.
    private func finishGlobals() {
        for name in globals {
            if let count = bindings.removeValue(forKey: name) {
                root.bindings[name, default: 0] += count + 1
            }
            constantExpressions[name] = nil
        }
    }

    /// Walrus targets bind in the scope (comprehension variables too: conservative, they are
    /// never constants).
    private func collectExpressions(_ expr: Expr, file: TargetFile, depth: Int = 0) {
        guard depth < 200 else { return }
        switch expr.kind {
        case .namedExpr(let target, let value):
            if case .name(let id, _) = target.kind {
                bind(id)
                bind(id)
            }
            collectExpressions(value, file: file, depth: depth + 1)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            for g in gens { bindComprehension(g, file: file, depth: depth) }
            collectExpressions(elt, file: file, depth: depth + 1)
        case .dictComp(let key, let value, let gens):
            for g in gens { bindComprehension(g, file: file, depth: depth) }
            collectExpressions(key, file: file, depth: depth + 1)
            collectExpressions(value, file: file, depth: depth + 1)
        case .lambda:
            break
        default:
            for child in expr.children {
                if case .expression(let e) = child { collectExpressions(e, file: file, depth: depth + 1) }
                if case .keyword(let k) = child { collectExpressions(k.value, file: file, depth: depth + 1) }
            }
        }
    }

    private func bindComprehension(_ g: Comprehension, file: TargetFile, depth: Int) {
        bindTarget(g.target, file: file)
        bindTarget(g.target, file: file)
        collectExpressions(g.iter, file: file, depth: depth + 1)
        for e in g.ifs { collectExpressions(e, file: file, depth: depth + 1) }
    }

    private func collectCaptures(_ pattern: Pattern) {
        switch pattern.kind {
        case .matchAs(let inner, let name):
            if let name { bind(name) }
            if let inner { collectCaptures(inner) }
        case .matchStar(let name):
            if let name { bind(name) }
        case .matchMapping(_, let patterns, let rest):
            if let rest { bind(rest) }
            for p in patterns { collectCaptures(p) }
        case .matchSequence(let patterns), .matchOr(let patterns):
            for p in patterns { collectCaptures(p) }
        case .matchClass(_, let patterns, _, let kwdPatterns):
            for p in patterns + kwdPatterns { collectCaptures(p) }
        case .matchValue, .matchSingleton:
            break
        }
    }
}

/// Values of constant expressions: literals, names holding constants (through `lookup`), `+`
/// of strings, arithmetic on integers, and f-strings of constants.
enum ConstantFolding {
    /// `lookup` says what a name holds: `.some(value)` a constant, `.some(nil)` known not
    /// constant, nil unknown (treated as not constant).
    static func value(of expr: Expr, depth: Int = 0, lookup: (Expr, String) -> ConstantValue??) -> ConstantValue? {
        guard depth < 32 else { return nil }
        switch expr.kind {
        case .constant(let value, _):
            switch value {
            case .string, .int, .float, .bool, .bytes, .none: return value
            default: return nil
            }
        case .name(let id, _):
            return lookup(expr, id) ?? nil
        case .binOp(let left, let op, let right):
            guard let l = value(of: left, depth: depth + 1, lookup: lookup), let r = value(of: right, depth: depth + 1, lookup: lookup) else { return nil }
            switch (l, op, r) {
            case let (.string(a), .add, .string(b)): return .string(a + b)
            case let (.bytes(a), .add, .bytes(b)): return .bytes(a + b)
            case let (.int(a), _, .int(b)):
                guard let x = Int(a), let y = Int(b) else { return nil }
                let result: (Int, Bool)
                switch op {
                case .add: result = x.addingReportingOverflow(y)
                case .sub: result = x.subtractingReportingOverflow(y)
                case .mult: result = x.multipliedReportingOverflow(by: y)
                default: return nil
                }
                return result.1 ? nil : .int(String(result.0))
            default: return nil
            }
        case .joinedStr(let values):
            var out = ""
            for piece in values {
                switch piece.kind {
                case .constant(.string(let s), _): out += s
                case .formattedValue(let v, -1, nil):
                    guard case .string(let s)? = value(of: v, depth: depth + 1, lookup: lookup) else { return nil }
                    out += s
                default: return nil
                }
            }
            return .string(out)
        default:
            return nil
        }
    }
}
