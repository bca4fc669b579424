/// A node of any kind, for walks that visit everything.
public enum SyntaxNode: Sendable {
    case statement(Stmt)
    case expression(Expr)
    case pattern(Pattern)
    case exceptHandler(ExceptHandler)
    case matchCase(MatchCase)
    case arguments(Arguments)
    case keyword(Keyword)
    case alias(Alias)
    case comprehension(Comprehension)
    case withItem(WithItem)

    public var span: Span? {
        switch self {
        case .statement(let s): s.span
        case .expression(let e): e.span
        case .pattern(let p): p.span
        case .exceptHandler(let h): h.span
        case .keyword(let k): k.span
        case .alias(let a): a.span
        case .matchCase, .arguments, .comprehension, .withItem: nil
        }
    }

    /// The direct children, in source order.
    public var children: [SyntaxNode] {
        switch self {
        case .statement(let s): s.children
        case .expression(let e): e.children
        case .pattern(let p): p.children
        case .exceptHandler(let h): (h.type.map { [.expression($0)] } ?? []) + h.body.map(SyntaxNode.statement)
        case .matchCase(let c): [.pattern(c.pattern)] + (c.guardExpr.map { [.expression($0)] } ?? []) + c.body.map(SyntaxNode.statement)
        case .arguments(let a): a.children
        case .keyword(let k): [.expression(k.value)]
        case .alias: []
        case .comprehension(let c): [.expression(c.target), .expression(c.iter)] + c.ifs.map(SyntaxNode.expression)
        case .withItem(let w): [.expression(w.contextExpr)] + (w.optionalVars.map { [.expression($0)] } ?? [])
        }
    }
}

/// Where a visited node is: its ancestors (innermost last), the imports seen so far, and the
/// function and class it is in.
public struct WalkContext: Sendable {
    public var parents: [SyntaxNode] = []
    public var imports = ImportTable()
    /// Names of the enclosing classes and functions, outermost first.
    public var scope: [String] = []

    public var parent: SyntaxNode? { parents.last }

    /// The innermost enclosing function definition, if any.
    public var enclosingFunction: Stmt.FunctionDef? {
        for node in parents.reversed() {
            if case .statement(let s) = node, case .functionDef(let f) = s.kind { return f }
        }
        return nil
    }
}

/// Walks a tree in source order, depth first, giving each node its context. Imports are recorded
/// as they are met (as Bandit does), so a call after `import subprocess as sp` resolves `sp.Popen`
/// to `subprocess.Popen`.
public enum SyntaxWalker {
    public static func walk(_ module: Module, _ visit: (SyntaxNode, WalkContext) -> Void) {
        var context = WalkContext()
        for statement in module.body {
            walk(.statement(statement), &context, visit)
        }
    }

    private static func walk(_ node: SyntaxNode, _ context: inout WalkContext, _ visit: (SyntaxNode, WalkContext) -> Void) {
        if case .statement(let s) = node {
            context.imports.record(s)
        }
        visit(node, context)
        var pushedScope = false
        if case .statement(let s) = node {
            switch s.kind {
            case .functionDef(let f):
                context.scope.append(f.name)
                pushedScope = true
            case .classDef(let name, _, _, _, _, _):
                context.scope.append(name)
                pushedScope = true
            default: break
            }
        }
        context.parents.append(node)
        for child in node.children { walk(child, &context, visit) }
        context.parents.removeLast()
        if pushedScope { context.scope.removeLast() }
    }

    /// Every node of the tree in source order, without context.
    public static func allNodes(_ module: Module) -> [SyntaxNode] {
        var nodes: [SyntaxNode] = []
        walk(module) { node, _ in nodes.append(node) }
        return nodes
    }
}

/// Local names bound by imports, mapped to what they stand for.
public struct ImportTable: Sendable, Hashable {
    /// `sp` → `subprocess`, `run` → `os.system`, `os` → `os` (for `import os.path`, `os` → `os`).
    public private(set) var aliases: [String: String] = [:]

    public init() {}

    /// Records the names an import statement binds; other statements are ignored.
    public mutating func record(_ statement: Stmt) {
        switch statement.kind {
        case .import(let names):
            for alias in names {
                if let asname = alias.asname {
                    aliases[asname] = alias.name
                } else {
                    // `import os.path` binds `os`.
                    let first = alias.name.split(separator: ".").first.map(String.init) ?? alias.name
                    aliases[first] = first
                }
            }
        case .importFrom(let module, let names, let level):
            let base = String(repeating: ".", count: level) + (module ?? "")
            for alias in names where alias.name != "*" {
                let qualified = base.isEmpty || base.hasSuffix(".") ? base + alias.name : base + "." + alias.name
                aliases[alias.asname ?? alias.name] = qualified
            }
        default:
            break
        }
    }

    /// The fully qualified name of a name or attribute chain, through the imports:
    /// `sp.Popen` → `subprocess.Popen`; names not imported stay as written.
    public func qualifiedName(of expr: Expr) -> String? {
        guard let dotted = expr.dottedName else { return nil }
        let head = dotted.split(separator: ".", maxSplits: 1)
        guard let first = head.first, let target = aliases[String(first)] else { return dotted }
        return head.count > 1 ? target + "." + head[1] : target
    }
}

extension Stmt {
    /// The direct children, in source order.
    public var children: [SyntaxNode] {
        var out: [SyntaxNode] = []
        func e(_ x: Expr?) { if let x { out.append(.expression(x)) } }
        func es(_ xs: [Expr]) { out += xs.map(SyntaxNode.expression) }
        func ss(_ xs: [Stmt]) { out += xs.map(SyntaxNode.statement) }
        switch kind {
        case .functionDef(let f):
            es(f.decorators)
            out.append(.arguments(f.args))
            e(f.returns)
            ss(f.body)
        case .classDef(_, let bases, let keywords, let body, let decorators, _):
            es(decorators); es(bases); out += keywords.map(SyntaxNode.keyword); ss(body)
        case .return(let value): e(value)
        case .delete(let targets): es(targets)
        case .assign(let targets, let value): es(targets); e(value)
        case .typeAlias(let name, _, let value): e(name); e(value)
        case .augAssign(let target, _, let value): e(target); e(value)
        case .annAssign(let target, let annotation, let value, _): e(target); e(annotation); e(value)
        case .for(let target, let iter, let body, let orelse, _): e(target); e(iter); ss(body); ss(orelse)
        case .while(let test, let body, let orelse): e(test); ss(body); ss(orelse)
        case .if(let test, let body, let orelse): e(test); ss(body); ss(orelse)
        case .with(let items, let body, _): out += items.map(SyntaxNode.withItem); ss(body)
        case .match(let subject, let cases): e(subject); out += cases.map(SyntaxNode.matchCase)
        case .raise(let exc, let cause): e(exc); e(cause)
        case .try(let body, let handlers, let orelse, let finalbody, _):
            ss(body); out += handlers.map(SyntaxNode.exceptHandler); ss(orelse); ss(finalbody)
        case .assert(let test, let msg): e(test); e(msg)
        case .import(let names), .importFrom(_, let names, _): out += names.map(SyntaxNode.alias)
        case .expr(let value): e(value)
        case .global, .nonlocal, .pass, .break, .continue: break
        }
        return out
    }
}

extension Arguments {
    var children: [SyntaxNode] {
        var out: [SyntaxNode] = []
        for arg in posonlyargs + args { if let a = arg.annotation { out.append(.expression(a)) } }
        if let a = vararg?.annotation { out.append(.expression(a)) }
        for arg in kwonlyargs { if let a = arg.annotation { out.append(.expression(a)) } }
        if let a = kwarg?.annotation { out.append(.expression(a)) }
        out += defaults.map(SyntaxNode.expression)
        out += kwDefaults.compactMap { $0 }.map(SyntaxNode.expression)
        return out
    }
}

extension Pattern {
    public var children: [SyntaxNode] {
        switch kind {
        case .matchValue(let value): [.expression(value)]
        case .matchSingleton, .matchStar: []
        case .matchSequence(let patterns), .matchOr(let patterns): patterns.map(SyntaxNode.pattern)
        case .matchMapping(let keys, let patterns, _): keys.map(SyntaxNode.expression) + patterns.map(SyntaxNode.pattern)
        case .matchClass(let cls, let patterns, _, let kwdPatterns):
            [.expression(cls)] + patterns.map(SyntaxNode.pattern) + kwdPatterns.map(SyntaxNode.pattern)
        case .matchAs(let pattern, _): pattern.map { [.pattern($0)] } ?? []
        }
    }
}

extension Expr {
    /// The direct children, in source order.
    public var children: [SyntaxNode] {
        func es(_ xs: [Expr]) -> [SyntaxNode] { xs.map(SyntaxNode.expression) }
        func gen(_ g: [Comprehension]) -> [SyntaxNode] { g.map(SyntaxNode.comprehension) }
        switch kind {
        case .boolOp(_, let values): return es(values)
        case .namedExpr(let target, let value): return es([target, value])
        case .binOp(let left, _, let right): return es([left, right])
        case .unaryOp(_, let operand): return es([operand])
        case .lambda(let args, let body): return [.arguments(args), .expression(body)]
        case .ifExp(let test, let body, let orelse): return es([body, test, orelse])
        case .dict(let keys, let values):
            var out: [SyntaxNode] = []
            for (key, value) in zip(keys, values) {
                if let key { out.append(.expression(key)) }
                out.append(.expression(value))
            }
            return out
        case .set(let elts), .list(let elts, _), .tuple(let elts, _), .joinedStr(let elts), .templateStr(let elts): return es(elts)
        case .listComp(let elt, let g), .setComp(let elt, let g), .generatorExp(let elt, let g): return es([elt]) + gen(g)
        case .dictComp(let key, let value, let g): return es([key, value]) + gen(g)
        case .await(let value), .yieldFrom(let value): return es([value])
        case .yield(let value): return es(value.map { [$0] } ?? [])
        case .compare(let left, _, let comparators): return es([left] + comparators)
        case .call(let function, let args, let keywords): return es([function] + args) + keywords.map(SyntaxNode.keyword)
        case .formattedValue(let value, _, let spec), .interpolation(let value, _, _, let spec): return es([value] + (spec.map { [$0] } ?? []))
        case .constant, .name: return []
        case .attribute(let value, _, _), .starred(let value, _): return es([value])
        case .subscript(let value, let slice, _): return es([value, slice])
        case .slice(let lower, let upper, let step): return es([lower, upper, step].compactMap { $0 })
        }
    }

    /// `a.b.c` for a name or a chain of attributes on a name; nil otherwise.
    public var dottedName: String? {
        switch kind {
        case .name(let id, _): return id
        case .attribute(let value, let attr, _): return value.dottedName.map { $0 + "." + attr }
        default: return nil
        }
    }

    /// The function a call calls.
    public var callee: Expr? {
        if case .call(let function, _, _) = kind { return function }
        return nil
    }

    /// A call's positional arguments.
    public var callArguments: [Expr] {
        if case .call(_, let args, _) = kind { return args }
        return []
    }

    /// A call's keyword argument `name`, if given.
    public func keyword(_ name: String) -> Expr? {
        guard case .call(_, _, let keywords) = kind else { return nil }
        return keywords.first { $0.arg == name }?.value
    }

    /// The value of a constant.
    public var constantValue: ConstantValue? {
        if case .constant(let value, _) = kind { return value }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s)? = constantValue { return s }
        return nil
    }

    /// `True` and `False` as Booleans; other constants by Python truthiness.
    public var truthiness: Bool? {
        switch constantValue {
        case .bool(let b)?: return b
        case .none?: return false
        case .int(let digits)?: return digits != "0"
        case .float(let d)?: return d != 0
        case .complex(let d)?: return d != 0
        case .string(let s)?: return !s.isEmpty
        case .codePoints(let p)?: return !p.isEmpty
        case .bytes(let b)?: return !b.isEmpty
        case .ellipsis?: return true
        case nil: return nil
        }
    }
}
