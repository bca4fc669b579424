/// The tree as text in the exact format of CPython's `ast.dump(tree, include_attributes=True)`,
/// so it can be compared with CPython's own. `version` picks the node fields of that release
/// (3.11 has no `type_params`).
public struct ASTDump {
    public var version: PythonVersion
    public var includeAttributes: Bool
    private let unicode: (Int, Int)
    private var out = ""

    public init(version: PythonVersion = .v3_11, includeAttributes: Bool = true) {
        self.version = version
        self.includeAttributes = includeAttributes
        self.unicode = PythonRepr.unicodeVersion(of: version)
    }

    public static func dump(_ module: Module, version: PythonVersion = .v3_11, includeAttributes: Bool = true) -> String {
        var dumper = ASTDump(version: version, includeAttributes: includeAttributes)
        dumper.out.reserveCapacity(4096)
        dumper.module(module)
        // Python 3.13's ast.dump leaves out empty lists and None fields (show_empty=False).
        return version >= .v3_13 ? omittingEmptyLists(dumper.out) : dumper.out
    }

    /// Removes `name=[]` fields outside string literals.
    static func omittingEmptyLists(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var quote: UInt8 = 0
        while i < bytes.count {
            let c = bytes[i]
            if quote != 0 {
                out.append(c)
                if c == UInt8(ascii: "\\") && i + 1 < bytes.count {
                    out.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if c == quote { quote = 0 }
                i += 1
                continue
            }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                quote = c
                out.append(c)
                i += 1
                continue
            }
            // At a field start (after "(" or ", "), look for name=[] followed by "," or ")".
            let atFieldStart = out.last == UInt8(ascii: "(") || (out.count >= 2 && out[out.count - 1] == UInt8(ascii: " ") && out[out.count - 2] == UInt8(ascii: ","))
            if atFieldStart, c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") {
                var j = i
                while j < bytes.count, (bytes[j] >= UInt8(ascii: "a") && bytes[j] <= UInt8(ascii: "z")) || bytes[j] == UInt8(ascii: "_") { j += 1 }
                if j + 2 < bytes.count, bytes[j] == UInt8(ascii: "="), bytes[j + 1] == UInt8(ascii: "["), bytes[j + 2] == UInt8(ascii: "]") {
                    var k = j + 3
                    if k + 1 < bytes.count, bytes[k] == UInt8(ascii: ","), bytes[k + 1] == UInt8(ascii: " ") {
                        k += 2
                    } else if out.count >= 2, out[out.count - 1] == UInt8(ascii: " "), out[out.count - 2] == UInt8(ascii: ",") {
                        out.removeLast(2)
                    }
                    i = k
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }


    mutating func module(_ m: Module) {
        out += "Module(body="
        stmts(m.body)
        out += ", type_ignores=[])"
    }

    // MARK: Building blocks

    private mutating func open(_ name: String) { out += name; out += "(" }

    private mutating func field(_ name: String, first: Bool = false) {
        if !first { out += ", " }
        out += name
        out += "="
    }

    private mutating func attributes(_ span: Span, hasFields: Bool = true) {
        guard includeAttributes else { return }
        out += hasFields ? ", lineno=" : "lineno="
        out += String(span.start.line)
        out += ", col_offset="
        out += String(span.start.column)
        out += ", end_lineno="
        out += String(span.end.line)
        out += ", end_col_offset="
        out += String(span.end.column)
    }

    private mutating func list<T>(_ items: [T], _ each: (inout ASTDump, T) -> Void) {
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            each(&self, item)
        }
        out += "]"
    }

    private mutating func stmts(_ items: [Stmt]) { list(items) { $0.stmt($1) } }
    private mutating func exprs(_ items: [Expr]) { list(items) { $0.expr($1) } }
    private mutating func strings(_ items: [String]) { list(items) { d, s in d.out += PythonRepr.string(s, unicode: d.unicode) } }

    private mutating func optional(_ name: String, _ e: Expr?) {
        guard let e else { return }
        field(name)
        expr(e)
    }

    private mutating func optionalString(_ name: String, _ s: String?) {
        guard let s else { return }
        field(name)
        out += PythonRepr.string(s, unicode: unicode)
    }

    private mutating func typeParams(_ params: [TypeParam]) {
        guard version >= .v3_12 else { return }
        field("type_params")
        list(params) { $0.typeParam($1) }
    }

    // MARK: Statements

    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .functionDef(let f):
            open(f.isAsync ? "AsyncFunctionDef" : "FunctionDef")
            field("name", first: true); out += PythonRepr.string(f.name, unicode: unicode)
            field("args"); arguments(f.args)
            field("body"); stmts(f.body)
            field("decorator_list"); exprs(f.decorators)
            optional("returns", f.returns)
            typeParams(f.typeParams)
        case .classDef(let name, let bases, let keywords, let body, let decorators, let params):
            open("ClassDef")
            field("name", first: true); out += PythonRepr.string(name, unicode: unicode)
            field("bases"); exprs(bases)
            field("keywords"); list(keywords) { $0.keyword($1) }
            field("body"); stmts(body)
            field("decorator_list"); exprs(decorators)
            typeParams(params)
        case .return(let value):
            open("Return")
            if let value { field("value", first: true); expr(value) }
            attributes(s.span, hasFields: value != nil)
            out += ")"
            return
        case .delete(let targets):
            open("Delete"); field("targets", first: true); exprs(targets)
        case .assign(let targets, let value):
            open("Assign"); field("targets", first: true); exprs(targets); field("value"); expr(value)
        case .typeAlias(let name, let params, let value):
            open("TypeAlias"); field("name", first: true); expr(name)
            field("type_params"); list(params) { $0.typeParam($1) }
            field("value"); expr(value)
        case .augAssign(let target, let op, let value):
            open("AugAssign"); field("target", first: true); expr(target)
            field("op"); out += op.rawValue + "()"
            field("value"); expr(value)
        case .annAssign(let target, let annotation, let value, let simple):
            open("AnnAssign"); field("target", first: true); expr(target)
            field("annotation"); expr(annotation)
            optional("value", value)
            field("simple"); out += simple ? "1" : "0"
        case .for(let target, let iter, let body, let orelse, let isAsync):
            open(isAsync ? "AsyncFor" : "For"); field("target", first: true); expr(target)
            field("iter"); expr(iter)
            field("body"); stmts(body)
            field("orelse"); stmts(orelse)
        case .while(let test, let body, let orelse):
            open("While"); field("test", first: true); expr(test)
            field("body"); stmts(body)
            field("orelse"); stmts(orelse)
        case .if(let test, let body, let orelse):
            open("If"); field("test", first: true); expr(test)
            field("body"); stmts(body)
            field("orelse"); stmts(orelse)
        case .with(let items, let body, let isAsync):
            open(isAsync ? "AsyncWith" : "With")
            field("items", first: true)
            list(items) { d, item in
                d.open("withitem"); d.field("context_expr", first: true); d.expr(item.contextExpr)
                d.optional("optional_vars", item.optionalVars)
                d.out += ")"
            }
            field("body"); stmts(body)
        case .match(let subject, let cases):
            open("Match"); field("subject", first: true); expr(subject)
            field("cases")
            list(cases) { d, c in
                d.open("match_case"); d.field("pattern", first: true); d.pattern(c.pattern)
                d.optional("guard", c.guardExpr)
                d.field("body"); d.stmts(c.body)
                d.out += ")"
            }
        case .raise(let exc, let cause):
            open("Raise")
            var firstField = true
            if let exc { field("exc", first: true); expr(exc); firstField = false }
            if let cause { field("cause", first: firstField); expr(cause); firstField = false }
            attributes(s.span, hasFields: !firstField)
            out += ")"
            return
        case .try(let body, let handlers, let orelse, let finalbody, let isStar):
            open(isStar ? "TryStar" : "Try"); field("body", first: true); stmts(body)
            field("handlers")
            list(handlers) { d, h in
                d.open("ExceptHandler")
                var firstField = true
                if let type = h.type { d.field("type", first: true); d.expr(type); firstField = false }
                if let name = h.name { d.field("name", first: firstField); d.out += PythonRepr.string(name, unicode: d.unicode); firstField = false }
                d.field("body", first: firstField); d.stmts(h.body)
                d.attributes(h.span)
                d.out += ")"
            }
            field("orelse"); stmts(orelse)
            field("finalbody"); stmts(finalbody)
        case .assert(let test, let msg):
            open("Assert"); field("test", first: true); expr(test); optional("msg", msg)
        case .import(let names):
            open("Import"); field("names", first: true); list(names) { $0.alias($1) }
        case .importFrom(let module, let names, let level):
            open("ImportFrom")
            if let module { field("module", first: true); out += PythonRepr.string(module, unicode: unicode) }
            field("names", first: module == nil); list(names) { $0.alias($1) }
            field("level"); out += String(level)
        case .global(let names):
            open("Global"); field("names", first: true); strings(names)
        case .nonlocal(let names):
            open("Nonlocal"); field("names", first: true); strings(names)
        case .expr(let value):
            open("Expr"); field("value", first: true); expr(value)
        case .pass, .break, .continue:
            open(s.kind.nameForDump)
            attributes(s.span, hasFields: false)
            out += ")"
            return
        }
        attributes(s.span)
        out += ")"
    }

    // MARK: Expressions

    mutating func expr(_ e: Expr) {
        switch e.kind {
        case .boolOp(let op, let values):
            open("BoolOp"); field("op", first: true); out += op.rawValue + "()"
            field("values"); exprs(values)
        case .namedExpr(let target, let value):
            open("NamedExpr"); field("target", first: true); expr(target); field("value"); expr(value)
        case .binOp(let left, let op, let right):
            open("BinOp"); field("left", first: true); expr(left)
            field("op"); out += op.rawValue + "()"
            field("right"); expr(right)
        case .unaryOp(let op, let operand):
            open("UnaryOp"); field("op", first: true); out += op.rawValue + "()"
            field("operand"); expr(operand)
        case .lambda(let args, let body):
            open("Lambda"); field("args", first: true); arguments(args); field("body"); expr(body)
        case .ifExp(let test, let body, let orelse):
            open("IfExp"); field("test", first: true); expr(test); field("body"); expr(body); field("orelse"); expr(orelse)
        case .dict(let keys, let values):
            open("Dict"); field("keys", first: true)
            list(keys) { d, key in
                if let key { d.expr(key) } else { d.out += "None" }
            }
            field("values"); exprs(values)
        case .set(let elts):
            open("Set"); field("elts", first: true); exprs(elts)
        case .listComp(let elt, let generators):
            open("ListComp"); field("elt", first: true); expr(elt); field("generators"); comprehensions(generators)
        case .setComp(let elt, let generators):
            open("SetComp"); field("elt", first: true); expr(elt); field("generators"); comprehensions(generators)
        case .dictComp(let key, let value, let generators):
            open("DictComp"); field("key", first: true); expr(key); field("value"); expr(value)
            field("generators"); comprehensions(generators)
        case .generatorExp(let elt, let generators):
            open("GeneratorExp"); field("elt", first: true); expr(elt); field("generators"); comprehensions(generators)
        case .await(let value):
            open("Await"); field("value", first: true); expr(value)
        case .yield(let value):
            open("Yield")
            if let value { field("value", first: true); expr(value) }
            attributes(e.span, hasFields: value != nil)
            out += ")"
            return
        case .yieldFrom(let value):
            open("YieldFrom"); field("value", first: true); expr(value)
        case .compare(let left, let ops, let comparators):
            open("Compare"); field("left", first: true); expr(left)
            field("ops"); list(ops) { $0.out += $1.rawValue + "()" }
            field("comparators"); exprs(comparators)
        case .call(let function, let args, let keywords):
            open("Call"); field("func", first: true); expr(function)
            field("args"); exprs(args)
            field("keywords"); list(keywords) { $0.keyword($1) }
        case .formattedValue(let value, let conversion, let spec):
            open("FormattedValue"); field("value", first: true); expr(value)
            field("conversion"); out += String(conversion)
            optional("format_spec", spec)
        case .interpolation(let value, let str, let conversion, let spec):
            open("Interpolation"); field("value", first: true); expr(value)
            field("str"); out += PythonRepr.string(str, unicode: unicode)
            field("conversion"); out += String(conversion)
            optional("format_spec", spec)
        case .joinedStr(let values):
            open("JoinedStr"); field("values", first: true); exprs(values)
        case .templateStr(let values):
            open("TemplateStr"); field("values", first: true); exprs(values)
        case .constant(let value, let kind):
            open("Constant"); field("value", first: true); out += PythonRepr.constant(value, unicode: unicode)
            optionalString("kind", kind)
        case .attribute(let value, let attr, let ctx):
            open("Attribute"); field("value", first: true); expr(value)
            field("attr"); out += PythonRepr.string(attr, unicode: unicode)
            field("ctx"); out += ctx.rawValue + "()"
        case .subscript(let value, let slice, let ctx):
            open("Subscript"); field("value", first: true); expr(value)
            field("slice"); expr(slice)
            field("ctx"); out += ctx.rawValue + "()"
        case .starred(let value, let ctx):
            open("Starred"); field("value", first: true); expr(value); field("ctx"); out += ctx.rawValue + "()"
        case .name(let id, let ctx):
            open("Name"); field("id", first: true); out += PythonRepr.string(id, unicode: unicode); field("ctx"); out += ctx.rawValue + "()"
        case .list(let elts, let ctx):
            open("List"); field("elts", first: true); exprs(elts); field("ctx"); out += ctx.rawValue + "()"
        case .tuple(let elts, let ctx):
            open("Tuple"); field("elts", first: true); exprs(elts); field("ctx"); out += ctx.rawValue + "()"
        case .slice(let lower, let upper, let step):
            open("Slice")
            var firstField = true
            if let lower { field("lower", first: true); expr(lower); firstField = false }
            if let upper { field("upper", first: firstField); expr(upper); firstField = false }
            if let step { field("step", first: firstField); expr(step); firstField = false }
            attributes(e.span, hasFields: !firstField)
            out += ")"
            return
        }
        attributes(e.span)
        out += ")"
    }

    private mutating func comprehensions(_ generators: [Comprehension]) {
        list(generators) { d, g in
            d.open("comprehension"); d.field("target", first: true); d.expr(g.target)
            d.field("iter"); d.expr(g.iter)
            d.field("ifs"); d.exprs(g.ifs)
            d.field("is_async"); d.out += g.isAsync ? "1" : "0"
            d.out += ")"
        }
    }

    private mutating func arguments(_ a: Arguments) {
        open("arguments")
        field("posonlyargs", first: true); list(a.posonlyargs) { $0.arg($1) }
        field("args"); list(a.args) { $0.arg($1) }
        if let vararg = a.vararg { field("vararg"); arg(vararg) }
        field("kwonlyargs"); list(a.kwonlyargs) { $0.arg($1) }
        field("kw_defaults")
        list(a.kwDefaults) { d, value in
            if let value { d.expr(value) } else { d.out += "None" }
        }
        if let kwarg = a.kwarg { field("kwarg"); arg(kwarg) }
        field("defaults"); exprs(a.defaults)
        out += ")"
    }

    private mutating func arg(_ a: Arg) {
        open("arg"); field("arg", first: true); out += PythonRepr.string(a.arg, unicode: unicode)
        optional("annotation", a.annotation)
        attributes(a.span)
        out += ")"
    }

    private mutating func keyword(_ k: Keyword) {
        open("keyword")
        if let name = k.arg { field("arg", first: true); out += PythonRepr.string(name, unicode: unicode) }
        field("value", first: k.arg == nil); expr(k.value)
        attributes(k.span)
        out += ")"
    }

    private mutating func alias(_ a: Alias) {
        open("alias"); field("name", first: true); out += PythonRepr.string(a.name, unicode: unicode)
        optionalString("asname", a.asname)
        attributes(a.span)
        out += ")"
    }

    private mutating func typeParam(_ p: TypeParam) {
        switch p.kind {
        case .typeVar(let bound):
            open("TypeVar"); field("name", first: true); out += PythonRepr.string(p.name, unicode: unicode)
            optional("bound", bound)
        case .paramSpec:
            open("ParamSpec"); field("name", first: true); out += PythonRepr.string(p.name, unicode: unicode)
        case .typeVarTuple:
            open("TypeVarTuple"); field("name", first: true); out += PythonRepr.string(p.name, unicode: unicode)
        }
        if version >= .v3_13 { optional("default_value", p.defaultValue) }
        attributes(p.span)
        out += ")"
    }

    // MARK: Patterns

    mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case .matchValue(let value):
            open("MatchValue"); field("value", first: true); expr(value)
        case .matchSingleton(let value):
            open("MatchSingleton"); field("value", first: true); out += PythonRepr.constant(value, unicode: unicode)
        case .matchSequence(let patterns):
            open("MatchSequence"); field("patterns", first: true); list(patterns) { $0.pattern($1) }
        case .matchMapping(let keys, let patterns, let rest):
            open("MatchMapping"); field("keys", first: true); exprs(keys)
            field("patterns"); list(patterns) { $0.pattern($1) }
            optionalString("rest", rest)
        case .matchClass(let cls, let patterns, let attrs, let kwdPatterns):
            open("MatchClass"); field("cls", first: true); expr(cls)
            field("patterns"); list(patterns) { $0.pattern($1) }
            field("kwd_attrs"); strings(attrs)
            field("kwd_patterns"); list(kwdPatterns) { $0.pattern($1) }
        case .matchStar(let name):
            open("MatchStar")
            if let name { field("name", first: true); out += PythonRepr.string(name, unicode: unicode) }
            attributes(p.span, hasFields: name != nil)
            out += ")"
            return
        case .matchAs(let inner, let name):
            open("MatchAs")
            var firstField = true
            if let inner { field("pattern", first: true); pattern(inner); firstField = false }
            if let name { field("name", first: firstField); out += PythonRepr.string(name, unicode: unicode); firstField = false }
            attributes(p.span, hasFields: !firstField)
            out += ")"
            return
        case .matchOr(let patterns):
            open("MatchOr"); field("patterns", first: true); list(patterns) { $0.pattern($1) }
        }
        attributes(p.span)
        out += ")"
    }
}

extension Stmt.Kind {
    var nameForDump: String {
        switch self {
        case .pass: "Pass"
        case .break: "Break"
        case .continue: "Continue"
        default: ""
        }
    }
}
