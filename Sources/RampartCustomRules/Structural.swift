import PythonSyntax

/// Equality of code regardless of where it is written: Semgrep unifies a metavariable bound
/// twice when both places hold the same tree.
enum Structural {
    static func equal(_ a: Expr?, _ b: Expr?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return equal(x, y)
        default: return false
        }
    }

    static func equal(_ a: [Expr], _ b: [Expr]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }

    static func equal(_ a: [Expr?], _ b: [Expr?]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }

    static func equal(_ a: Expr, _ b: Expr) -> Bool {
        if a === b { return true }
        switch (a.kind, b.kind) {
        case let (.boolOp(o1, v1), .boolOp(o2, v2)): return o1 == o2 && equal(v1, v2)
        case let (.namedExpr(t1, v1), .namedExpr(t2, v2)): return equal(t1, t2) && equal(v1, v2)
        case let (.binOp(l1, o1, r1), .binOp(l2, o2, r2)): return o1 == o2 && equal(l1, l2) && equal(r1, r2)
        case let (.unaryOp(o1, x1), .unaryOp(o2, x2)): return o1 == o2 && equal(x1, x2)
        case let (.lambda(a1, b1), .lambda(a2, b2)): return equal(a1, a2) && equal(b1, b2)
        case let (.ifExp(t1, b1, o1), .ifExp(t2, b2, o2)): return equal(t1, t2) && equal(b1, b2) && equal(o1, o2)
        case let (.dict(k1, v1), .dict(k2, v2)): return equal(k1, k2) && equal(v1, v2)
        case let (.set(e1), .set(e2)): return equal(e1, e2)
        case let (.listComp(e1, g1), .listComp(e2, g2)), let (.setComp(e1, g1), .setComp(e2, g2)),
             let (.generatorExp(e1, g1), .generatorExp(e2, g2)):
            return equal(e1, e2) && equal(g1, g2)
        case let (.dictComp(k1, v1, g1), .dictComp(k2, v2, g2)): return equal(k1, k2) && equal(v1, v2) && equal(g1, g2)
        case let (.await(x1), .await(x2)), let (.yieldFrom(x1), .yieldFrom(x2)): return equal(x1, x2)
        case let (.yield(x1), .yield(x2)): return equal(x1, x2)
        case let (.compare(l1, o1, c1), .compare(l2, o2, c2)): return o1 == o2 && equal(l1, l2) && equal(c1, c2)
        case let (.call(f1, a1, k1), .call(f2, a2, k2)): return equal(f1, f2) && equal(a1, a2) && equal(k1, k2)
        case let (.formattedValue(v1, c1, s1), .formattedValue(v2, c2, s2)): return c1 == c2 && equal(v1, v2) && equal(s1, s2)
        case let (.interpolation(v1, _, c1, s1), .interpolation(v2, _, c2, s2)): return c1 == c2 && equal(v1, v2) && equal(s1, s2)
        case let (.joinedStr(v1), .joinedStr(v2)), let (.templateStr(v1), .templateStr(v2)): return equal(v1, v2)
        case let (.constant(c1, _), .constant(c2, _)): return c1 == c2
        case let (.attribute(v1, a1, _), .attribute(v2, a2, _)): return a1 == a2 && equal(v1, v2)
        case let (.subscript(v1, s1, _), .subscript(v2, s2, _)): return equal(v1, v2) && equal(s1, s2)
        case let (.starred(v1, _), .starred(v2, _)): return equal(v1, v2)
        case let (.name(i1, _), .name(i2, _)): return i1 == i2
        case let (.list(e1, _), .list(e2, _)), let (.tuple(e1, _), .tuple(e2, _)): return equal(e1, e2)
        case let (.slice(l1, u1, s1), .slice(l2, u2, s2)): return equal(l1, l2) && equal(u1, u2) && equal(s1, s2)
        default: return false
        }
    }

    static func equal(_ a: [Keyword], _ b: [Keyword]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.arg == $1.arg && equal($0.value, $1.value) }
    }

    static func equal(_ a: [Comprehension], _ b: [Comprehension]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy {
            $0.isAsync == $1.isAsync && equal($0.target, $1.target) && equal($0.iter, $1.iter) && equal($0.ifs, $1.ifs)
        }
    }

    static func equal(_ a: Arguments, _ b: Arguments) -> Bool {
        func args(_ x: [Arg], _ y: [Arg]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.arg == $1.arg && equal($0.annotation, $1.annotation) }
        }
        func arg(_ x: Arg?, _ y: Arg?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case let (p?, q?): args([p], [q])
            default: false
            }
        }
        return args(a.posonlyargs, b.posonlyargs) && args(a.args, b.args) && arg(a.vararg, b.vararg)
            && args(a.kwonlyargs, b.kwonlyargs) && equal(a.kwDefaults, b.kwDefaults) && arg(a.kwarg, b.kwarg)
            && equal(a.defaults, b.defaults)
    }

    static func equal(_ a: [Stmt], _ b: [Stmt]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }

    static func equal(_ a: Stmt, _ b: Stmt) -> Bool {
        if a === b { return true }
        switch (a.kind, b.kind) {
        case let (.functionDef(f1), .functionDef(f2)):
            return f1.name == f2.name && f1.isAsync == f2.isAsync && equal(f1.args, f2.args) && equal(f1.body, f2.body)
                && equal(f1.decorators, f2.decorators) && equal(f1.returns, f2.returns)
        case let (.classDef(n1, b1, k1, body1, d1, _), .classDef(n2, b2, k2, body2, d2, _)):
            return n1 == n2 && equal(b1, b2) && equal(k1, k2) && equal(body1, body2) && equal(d1, d2)
        case let (.return(v1), .return(v2)): return equal(v1, v2)
        case let (.delete(t1), .delete(t2)): return equal(t1, t2)
        case let (.assign(t1, v1), .assign(t2, v2)): return equal(t1, t2) && equal(v1, v2)
        case let (.augAssign(t1, o1, v1), .augAssign(t2, o2, v2)): return o1 == o2 && equal(t1, t2) && equal(v1, v2)
        case let (.annAssign(t1, a1, v1, _), .annAssign(t2, a2, v2, _)): return equal(t1, t2) && equal(a1, a2) && equal(v1, v2)
        case let (.for(t1, i1, b1, o1, a1), .for(t2, i2, b2, o2, a2)):
            return a1 == a2 && equal(t1, t2) && equal(i1, i2) && equal(b1, b2) && equal(o1, o2)
        case let (.while(t1, b1, o1), .while(t2, b2, o2)), let (.if(t1, b1, o1), .if(t2, b2, o2)):
            return equal(t1, t2) && equal(b1, b2) && equal(o1, o2)
        case let (.with(i1, b1, a1), .with(i2, b2, a2)):
            return a1 == a2 && i1.count == i2.count
                && zip(i1, i2).allSatisfy { equal($0.contextExpr, $1.contextExpr) && equal($0.optionalVars, $1.optionalVars) }
                && equal(b1, b2)
        case let (.raise(e1, c1), .raise(e2, c2)): return equal(e1, e2) && equal(c1, c2)
        case let (.try(b1, h1, o1, f1, s1), .try(b2, h2, o2, f2, s2)):
            return s1 == s2 && equal(b1, b2) && equal(o1, o2) && equal(f1, f2) && h1.count == h2.count
                && zip(h1, h2).allSatisfy { $0.name == $1.name && equal($0.type, $1.type) && equal($0.body, $1.body) }
        case let (.assert(t1, m1), .assert(t2, m2)): return equal(t1, t2) && equal(m1, m2)
        case let (.import(n1), .import(n2)): return n1.map(\.name) == n2.map(\.name) && n1.map(\.asname) == n2.map(\.asname)
        case let (.importFrom(m1, n1, l1), .importFrom(m2, n2, l2)):
            return m1 == m2 && l1 == l2 && n1.map(\.name) == n2.map(\.name) && n1.map(\.asname) == n2.map(\.asname)
        case let (.global(n1), .global(n2)), let (.nonlocal(n1), .nonlocal(n2)): return n1 == n2
        case let (.expr(v1), .expr(v2)): return equal(v1, v2)
        case (.pass, .pass), (.break, .break), (.continue, .continue): return true
        default: return false
        }
    }
}
