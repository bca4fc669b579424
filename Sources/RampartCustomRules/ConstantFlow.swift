import PythonSyntax

/// Semgrep's constant propagation inside one scope, flow-sensitively: walking the statements in
/// order, a name holds a constant from its assignment until it is assigned again; after an
/// `if`, only what both branches agree on; a loop forgets what its body assigns. Each read of a
/// name gets the value it holds there.
struct ConstantFlow {
    /// What each name holds here: a constant (or known not to be one), and the expression it
    /// was assigned (for symbolic propagation).
    struct Environment {
        var constants: [String: ConstantValue?] = [:]
        var symbols: [String: Expr?] = [:]

        subscript(name: String) -> ConstantValue?? {
            get { constants[name] }
            set {
                constants[name] = newValue
                symbols[name] = .some(nil)
            }
        }

        mutating func assign(_ name: String, constant: ConstantValue?, expression: Expr) {
            constants[name] = .some(constant)
            symbols[name] = .some(expression)
        }
    }

    let scope: Scope
    private(set) var values: [ObjectIdentifier: ConstantValue] = [:]
    /// For each read of a name, the expression it was assigned (symbolic propagation).
    private(set) var symbols: [ObjectIdentifier: Expr] = [:]
    private var budget = 200_000

    init(scope: Scope) { self.scope = scope }

    /// Runs over a scope's body (a module's or a function's).
    mutating func run(_ body: [Stmt]) {
        var env = Environment()
        block(body, &env)
    }

    private mutating func block(_ statements: [Stmt], _ env: inout Environment) {
        for s in statements {
            guard budget > 0 else { return }
            statement(s, &env)
        }
    }

    private mutating func statement(_ s: Stmt, _ env: inout Environment) {
        budget -= 1
        switch s.kind {
        case .assign(let targets, let value):
            let v = evaluate(value, env)
            for t in targets {
                if case .name(let id, _) = t.kind, targets.count == 1 {
                    env.assign(id, constant: v, expression: value)
                } else {
                    reads(t, env)
                    kill(t, &env)
                }
            }
        case .annAssign(let target, let annotation, let value, _):
            reads(annotation, env)
            if let value {
                let v = evaluate(value, env)
                if case .name(let id, _) = target.kind { env.assign(id, constant: v, expression: value) } else { reads(target, env) }
            }
        case .augAssign(let target, _, let value):
            reads(value, env)
            reads(target, env)
            kill(target, &env)
        case .expr(let value):
            reads(value, env)
        case .return(let value):
            if let value { reads(value, env) }
        case .delete(let targets):
            for t in targets { kill(t, &env) }
        case .raise(let e, let c):
            if let e { reads(e, env) }
            if let c { reads(c, env) }
        case .assert(let t, let m):
            reads(t, env)
            if let m { reads(m, env) }
        case .if(let test, let body, let orelse):
            reads(test, env)
            var a = env
            var b = env
            block(body, &a)
            block(orelse, &b)
            env = Self.join(a, b)
        case .while(let test, let body, let orelse):
            forgetAssigned(in: body, &env)
            reads(test, env)
            var inner = env
            block(body, &inner)
            forgetAssigned(in: body, &env)
            block(orelse, &env)
        case .for(let target, let iter, let body, let orelse, _):
            reads(iter, env)
            kill(target, &env)
            forgetAssigned(in: body, &env)
            var inner = env
            block(body, &inner)
            block(orelse, &env)
        case .with(let items, let body, _):
            for item in items {
                reads(item.contextExpr, env)
                if let v = item.optionalVars { kill(v, &env) }
            }
            block(body, &env)
        case .try(let body, let handlers, let orelse, let finalbody, _):
            var afterBody = env
            block(body, &afterBody)
            // A handler may start anywhere in the body: what the body assigns is unknown there.
            var atHandler = env
            forgetAssigned(in: body, &atHandler)
            var joined = afterBody
            block(orelse, &joined)
            for h in handlers {
                var inner = atHandler
                if let t = h.type { reads(t, inner) }
                if let name = h.name { inner[name] = .some(nil) }
                block(h.body, &inner)
                joined = Self.join(joined, inner)
            }
            block(finalbody, &joined)
            env = joined
        case .match(let subject, let cases):
            reads(subject, env)
            var joined = env
            for c in cases {
                var inner = env
                forgetAssigned(in: [s], &inner)
                if let g = c.guardExpr { reads(g, inner) }
                block(c.body, &inner)
                joined = Self.join(joined, inner)
            }
            env = joined
        case .functionDef(let f):
            for d in f.decorators { reads(d, env) }
            for d in f.args.defaults { reads(d, env) }
            for case let d? in f.args.kwDefaults { reads(d, env) }
            env[f.name] = .some(nil)
        case .classDef(let name, let bases, let keywords, _, let decorators, _):
            for e in bases + decorators + keywords.map(\.value) { reads(e, env) }
            env[name] = .some(nil)
        case .import(let names):
            for a in names { env[a.asname ?? String(a.name.split(separator: ".").first ?? "")] = .some(nil) }
        case .importFrom(_, let names, _):
            for a in names { env[a.asname ?? a.name] = .some(nil) }
        case .global(let names), .nonlocal(let names):
            for n in names { env[n] = .some(nil) }
        case .typeAlias(let name, _, let value):
            reads(value, env)
            kill(name, &env)
        case .pass, .break, .continue:
            break
        }
    }

    /// Names both paths hold the same constant in.
    static func join(_ a: Environment, _ b: Environment) -> Environment {
        var out = Environment()
        for key in Set(a.constants.keys).union(b.constants.keys) {
            switch (a.constants[key], b.constants[key]) {
            case let (x??, y??) where x == y: out.constants[key] = .some(x)
            case (nil, nil): break
            default: out.constants[key] = .some(nil)
            }
        }
        for key in Set(a.symbols.keys).union(b.symbols.keys) {
            switch (a.symbols[key], b.symbols[key]) {
            case let (x??, y??) where x === y: out.symbols[key] = .some(x)
            case (nil, nil): break
            default: out.symbols[key] = .some(nil)
            }
        }
        return out
    }

    private func kill(_ target: Expr, _ env: inout Environment) {
        switch target.kind {
        case .name(let id, _): env[id] = .some(nil)
        case .tuple(let elts, _), .list(let elts, _): for e in elts { kill(e, &env) }
        case .starred(let v, _): kill(v, &env)
        default: break
        }
    }

    private func forgetAssigned(in statements: [Stmt], _ env: inout Environment) {
        var names: Set<String> = []
        Self.assignedNames(statements, &names, depth: 0)
        for n in names { env[n] = .some(nil) }
    }

    static func assignedNames(_ statements: [Stmt], _ names: inout Set<String>, depth: Int) {
        guard depth < 100 else { return }
        func target(_ e: Expr) {
            switch e.kind {
            case .name(let id, _): names.insert(id)
            case .tuple(let elts, _), .list(let elts, _): elts.forEach(target)
            case .starred(let v, _): target(v)
            default: break
            }
        }
        for s in statements {
            switch s.kind {
            case .assign(let targets, _): targets.forEach(target)
            case .annAssign(let t, _, _, _), .augAssign(let t, _, _): target(t)
            case .for(let t, _, _, _, _): target(t)
            case .with(let items, _, _): for i in items { if let v = i.optionalVars { target(v) } }
            case .delete(let targets): targets.forEach(target)
            case .functionDef(let f): names.insert(f.name)
            case .classDef(let n, _, _, _, _, _): names.insert(n)
            case .import(let ns): for a in ns { names.insert(a.asname ?? String(a.name.split(separator: ".").first ?? "")) }
            case .importFrom(_, let ns, _): for a in ns { names.insert(a.asname ?? a.name) }
            case .try(_, let handlers, _, _, _): for h in handlers { if let n = h.name { names.insert(n) } }
            default: break
            }
            if case .functionDef = s.kind { continue }
            if case .classDef = s.kind { continue }
            StatementChildren.forEachBlock(s) { assignedNames($0, &names, depth: depth + 1) }
        }
    }

    /// Records the value of every name read in `e`, and returns `e`'s value if constant.
    private mutating func evaluate(_ e: Expr, _ env: Environment) -> ConstantValue? {
        reads(e, env)
        return fold(e, env, depth: 0)
    }

    private func fold(_ e: Expr, _ env: Environment, depth: Int) -> ConstantValue? {
        let value = ConstantFolding.value(of: e, depth: depth) { _, name in
            if let state = env.constants[name] { return state }
            // Not assigned yet in this scope: a name of an enclosing scope, or nothing.
            return scope.bindings[name] == nil && scope.imports[name] == nil ? .some(scope.parent?.constant(name)) : nil
        }
        // `None` is not something Semgrep propagates.
        if case .none? = value { return nil }
        return value
    }

    private mutating func reads(_ e: Expr, _ env: Environment, depth: Int = 0) {
        guard depth < 500 else { return }
        budget -= 1
        switch e.kind {
        case .name(let id, .load):
            if let v = fold(e, env, depth: 0) { values[ObjectIdentifier(e)] = v }
            if let symbol = env.symbols[id] ?? nil { symbols[ObjectIdentifier(e)] = symbol }
        case .lambda, .listComp, .setComp, .dictComp, .generatorExp:
            // Their own scopes; what they read of ours still counts.
            ExpressionChildren.forEach(e) { reads($0, env, depth: depth + 1) }
        default:
            ExpressionChildren.forEach(e) { reads($0, env, depth: depth + 1) }
        }
    }
}
