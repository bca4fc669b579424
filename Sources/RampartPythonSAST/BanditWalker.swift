import PythonSyntax
import RampartCore

/// Walks a module the way Bandit's node visitor does (CPython's field order, imports and aliases
/// recorded as they are met) and runs the rules on the nodes they check.
public struct BanditWalker {
    /// A parent node, for checks that look up one level (docstrings, line ranges).
    public enum Parent {
        case statement(Stmt)
        case expression(Expr)
        case other(Span?)

        var span: Span? {
            switch self {
            case .statement(let s): s.span
            case .expression(let e): e.span
            case .other(let span): span
            }
        }
    }

    /// A finding before the engine completes it.
    public struct Hit {
        public var rule: RuleMetadata
        public var result: RuleHit
        public var span: Span
    }

    /// The enabled rules arranged for dispatch; built once per scan.
    public struct RuleIndex: Sendable {
        /// Rules by node kind (`PythonNodeKind.index`); call rules only when they take every call.
        let byKind: [[any PythonRule.Type]]
        /// Call rules that take only some qualified names, by name.
        let callRulesByName: [String: [any PythonRule.Type]]
        /// Call rules that take only some last parts of names, by that part.
        let callRulesByLastName: [String: [any PythonRule.Type]]
        let blacklistCallIndex: [String: any BlacklistRule.Type]
        let blacklistImports: [any BlacklistRule.Type]

        public init(rules: [any PythonRule.Type]) {
            var byKind: [[any PythonRule.Type]] = Array(repeating: [], count: PythonNodeKind.count)
            // Blacklists run centrally (first match wins), so they are not dispatched per rule.
            var byName: [String: [any PythonRule.Type]] = [:]
            var byLastName: [String: [any PythonRule.Type]] = [:]
            for rule in rules where !(rule is any BlacklistRule.Type) {
                for kind in rule.nodeKinds {
                    if kind == .call, let names = rule.callNames {
                        for name in names { byName[name, default: []].append(rule) }
                    } else if kind == .call, let names = rule.callLastNames {
                        for name in names { byLastName[name, default: []].append(rule) }
                    } else {
                        byKind[kind.index].append(rule)
                    }
                }
            }
            self.byKind = byKind
            self.callRulesByName = byName
            self.callRulesByLastName = byLastName
            let blacklists = rules.compactMap { $0 as? any BlacklistRule.Type }.sorted { $0.metadata.id < $1.metadata.id }
            let blacklistCalls = blacklists.filter { $0.kind == .call }
            self.blacklistImports = blacklists.filter { $0.kind == .importName }
            self.blacklistCallIndex = Blacklists.callIndex(calls: blacklistCalls, imports: self.blacklistImports)
        }
    }

    let index: RuleIndex
    /// The walk's state (imports, aliases, ancestors) lives in the one context the rules see.
    let context: PythonRuleContext
    static let watched: Set<String> = [
        "flask", "paramiko", "django.db.models", "django.utils.safestring", "transformers", "datasets", "huggingface_hub",
    ]
    var hits: [Hit] = []

    init(index: RuleIndex, path: String, source: [UInt8], options: PythonSASTOptions) {
        self.index = index
        self.context = PythonRuleContext(path: path, source: source, options: options)
    }

    mutating func run(_ module: Module) -> [Hit] {
        context.moduleBody = module.body
        dispatch(.file, span: Span(SourcePosition(line: 1, column: 0), SourcePosition(line: 1, column: 0)))
        for statement in module.body { visit(statement) }
        return hits
    }

    // MARK: Dispatch

    private mutating func dispatch(_ node: PythonRuleContext.Node, span: Span, qualname: String = "") {
        let kind: PythonNodeKind
        switch node {
        case .call: kind = .call
        case .importStatement: kind = .importStatement
        case .importFrom: kind = .importFrom
        case .functionDef: kind = .functionDef
        case .string: kind = .string
        case .bytes: kind = .bytes
        case .assertStatement: kind = .assertStatement
        case .exceptHandler: kind = .exceptHandler
        case .file: kind = .file
        }
        context.node = node
        context.qualname = qualname
        for rule in index.byKind[kind.index] {
            if let result = rule.check(context) {
                hits.append(Hit(rule: rule.metadata, result: result, span: span))
            }
        }
        if kind == .call {
            for rule in index.callRulesByName[qualname] ?? [] {
                if let result = rule.check(context) {
                    hits.append(Hit(rule: rule.metadata, result: result, span: span))
                }
            }
            for rule in index.callRulesByLastName[context.name] ?? [] {
                if let result = rule.check(context) {
                    hits.append(Hit(rule: rule.metadata, result: result, span: span))
                }
            }
        }
        // Bandit's blacklist test reports the first matching entry for a node, in id order.
        switch node {
        case .call:
            if let (rule, result) = Blacklists.checkCall(context, index: index.blacklistCallIndex) {
                hits.append(Hit(rule: rule.metadata, result: result, span: span))
            }
        case .importStatement, .importFrom:
            if let (rule, result) = Blacklists.checkImport(context, imports: index.blacklistImports) {
                hits.append(Hit(rule: rule.metadata, result: result, span: span))
            }
        default:
            break
        }
    }

    // MARK: Statements

    private mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .import(let names):
            for alias in names {
                if let asname = alias.asname { context.importAliases[asname] = alias.name }
                context.addImport(alias.name)
            }
            dispatch(.importStatement(statement, names), span: statement.span)
        case .importFrom(let module, let names, _):
            if let module {
                for alias in names {
                    let qualified = module + "." + alias.name
                    context.importAliases[alias.asname ?? alias.name] = qualified
                    context.addImport(qualified)
                }
            } else {
                // Bandit reads `from . import x` as `import x`.
                for alias in names {
                    if let asname = alias.asname { context.importAliases[asname] = alias.name }
                    context.addImport(alias.name)
                }
            }
            dispatch(.importFrom(statement, module: module, names), span: statement.span)
        case .functionDef(let f):
            if !f.isAsync { dispatch(.functionDef(statement, f), span: statement.span) }
        case .assert:
            dispatch(.assertStatement(statement), span: statement.span)
        default:
            break
        }
        context.ancestors.append(.statement(statement))
        defer { context.ancestors.removeLast() }
        switch statement.kind {
        case .functionDef(let f):
            visit(f.args)
            visit(f.body)
            f.decorators.forEach { visit($0) }
            if let r = f.returns { visit(r) }
        case .classDef(_, let bases, let keywords, let body, let decorators, _):
            bases.forEach { visit($0) }
            keywords.forEach { visit($0.value) }
            visit(body)
            decorators.forEach { visit($0) }
        case .return(let value): if let value { visit(value) }
        case .delete(let targets): targets.forEach { visit($0) }
        case .assign(let targets, let value): targets.forEach { visit($0) }; visit(value)
        case .typeAlias(let name, _, let value): visit(name); visit(value)
        case .augAssign(let target, _, let value): visit(target); visit(value)
        case .annAssign(let target, let annotation, let value, _):
            visit(target); visit(annotation); if let value { visit(value) }
        case .for(let target, let iter, let body, let orelse, _): visit(target); visit(iter); visit(body); visit(orelse)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse): visit(test); visit(body); visit(orelse)
        case .with(let items, let body, _):
            for item in items {
                visit(item.contextExpr)
                if let v = item.optionalVars { visit(v) }
            }
            visit(body)
        case .match(let subject, let cases):
            visit(subject)
            for c in cases {
                visit(c.pattern)
                if let g = c.guardExpr { visit(g) }
                visit(c.body)
            }
        case .raise(let exc, let cause): if let exc { visit(exc) }; if let cause { visit(cause) }
        case .try(let body, let handlers, let orelse, let finalbody, _):
            visit(body)
            for handler in handlers {
                dispatch(.exceptHandler(handler), span: handler.span)
                context.ancestors.append(.other(handler.span))
                if let type = handler.type { visit(type) }
                visit(handler.body)
                context.ancestors.removeLast()
            }
            visit(orelse)
            visit(finalbody)
        case .assert(let test, let msg): visit(test); if let msg { visit(msg) }
        case .expr(let value): visit(value)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue: break
        }
    }

    private mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    private mutating func visit(_ args: Arguments) {
        context.ancestors.append(.other(nil))
        defer { context.ancestors.removeLast() }
        for arg in args.posonlyargs + args.args { if let a = arg.annotation { visit(a) } }
        if let a = args.vararg?.annotation { visit(a) }
        for arg in args.kwonlyargs { if let a = arg.annotation { visit(a) } }
        for value in args.kwDefaults { if let value { visit(value) } }
        if let a = args.kwarg?.annotation { visit(a) }
        args.defaults.forEach { visit($0) }
    }

    private mutating func visit(_ pattern: Pattern) {
        switch pattern.kind {
        case .matchValue(let value): visit(value)
        case .matchSingleton, .matchStar: break
        case .matchSequence(let patterns), .matchOr(let patterns): patterns.forEach { visit($0) }
        case .matchMapping(let keys, let patterns, _): keys.forEach { visit($0) }; patterns.forEach { visit($0) }
        case .matchClass(let cls, let patterns, _, let kwd): visit(cls); patterns.forEach { visit($0) }; kwd.forEach { visit($0) }
        case .matchAs(let inner, _): if let inner { visit(inner) }
        }
    }

    // MARK: Expressions

    private mutating func visit(_ expr: Expr) {
        switch expr.kind {
        case .call(let function, _, _):
            dispatch(.call(expr), span: expr.span, qualname: BanditNames.callName(function, context.importAliases))
        case .constant(.string(let s), _):
            if case .statement(let parent)? = context.ancestors.last, case .expr = parent.kind { break }
            dispatch(.string(expr, s), span: stringSpan(expr))
        case .constant(.codePoints(let points), _):
            if case .statement(let parent)? = context.ancestors.last, case .expr = parent.kind { break }
            dispatch(.string(expr, String(String.UnicodeScalarView(points.compactMap(Unicode.Scalar.init)))), span: stringSpan(expr))
        case .constant(.bytes(let b), _):
            if case .statement(let parent)? = context.ancestors.last, case .expr = parent.kind { break }
            dispatch(.bytes(expr, b), span: stringSpan(expr))
        default:
            break
        }
        context.ancestors.append(.expression(expr))
        defer { context.ancestors.removeLast() }
        switch expr.kind {
        case .boolOp(_, let values): values.forEach { visit($0) }
        case .namedExpr(let target, let value): visit(target); visit(value)
        case .binOp(let left, _, let right): visit(left); visit(right)
        case .unaryOp(_, let operand): visit(operand)
        case .lambda(let args, let body): visit(args); visit(body)
        case .ifExp(let test, let body, let orelse): visit(test); visit(body); visit(orelse)
        case .dict(let keys, let values): keys.forEach { if let k = $0 { visit(k) } }; values.forEach { visit($0) }
        case .set(let elts), .list(let elts, _), .tuple(let elts, _), .joinedStr(let elts), .templateStr(let elts): elts.forEach { visit($0) }
        case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
            visit(elt); visit(generators)
        case .dictComp(let key, let value, let generators): visit(key); visit(value); visit(generators)
        case .await(let value), .yieldFrom(let value): visit(value)
        case .yield(let value): if let value { visit(value) }
        case .compare(let left, _, let comparators): visit(left); comparators.forEach { visit($0) }
        case .call(let function, let args, let keywords):
            visit(function); args.forEach { visit($0) }
            for keyword in keywords {
                context.ancestors.append(.other(keyword.span))
                visit(keyword.value)
                context.ancestors.removeLast()
            }
        case .formattedValue(let value, _, let spec), .interpolation(let value, _, _, let spec): visit(value); if let spec { visit(spec) }
        case .constant, .name: break
        case .attribute(let value, _, _), .starred(let value, _): visit(value)
        case .subscript(let value, let slice, _): visit(value); visit(slice)
        case .slice(let lower, let upper, let step): [lower, upper, step].forEach { if let e = $0 { visit(e) } }
        }
    }

    private mutating func visit(_ generators: [Comprehension]) {
        context.ancestors.append(.other(nil))
        defer { context.ancestors.removeLast() }
        for g in generators {
            visit(g.target); visit(g.iter); g.ifs.forEach { visit($0) }
        }
    }

    /// A string's finding spans its parent's lines, as Bandit's line range for `# nosec` does.
    private func stringSpan(_ expr: Expr) -> Span {
        guard let parentSpan = context.ancestors.last?.span, parentSpan.end > expr.span.end else { return expr.span }
        return Span(expr.span.start, parentSpan.end)
    }
}

/// Bandit's qualified names of calls.
enum BanditNames {
    /// `get_call_name`: a name through the aliases, or an attribute chain resolved level by level.
    static func callName(_ function: Expr, _ aliases: [String: String]) -> String {
        switch function.kind {
        case .name(let id, _): return aliases[id] ?? id
        case .attribute: return attributeName(function, aliases)
        default: return ""
        }
    }

    static func attributeName(_ expr: Expr, _ aliases: [String: String]) -> String {
        switch expr.kind {
        case .name(let id, _): return aliases[id] ?? id
        case .attribute(let value, let attr, _):
            let name = attributeName(value, aliases) + "." + attr
            return aliases[name] ?? name
        default: return ""
        }
    }
}
