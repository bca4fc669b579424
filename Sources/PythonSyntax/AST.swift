/// The syntax tree, mirroring the node types and fields of CPython's `ast` module (3.12, with
/// 3.13's type parameter defaults and 3.14's template strings). Every node that CPython gives a
/// position has a `Span` with the same numbers: 1-based lines, 0-based UTF-8 byte columns.

/// Where a node starts and ends.
public struct Span: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(_ start: SourcePosition, _ end: SourcePosition) {
        self.start = start
        self.end = end
    }
}

public struct Module: Sendable {
    public var body: [Stmt]
    public var typeIgnores: [TypeIgnore]
}

public struct TypeIgnore: Sendable {
    public var lineno: Int
    public var tag: String
}

public enum ExprContext: String, Sendable { case load = "Load", store = "Store", del = "Del" }
public enum BoolOperator: String, Sendable { case and = "And", or = "Or" }
public enum Operator: String, Sendable {
    case add = "Add", sub = "Sub", mult = "Mult", matMult = "MatMult", div = "Div", mod = "Mod", pow = "Pow"
    case lShift = "LShift", rShift = "RShift", bitOr = "BitOr", bitXor = "BitXor", bitAnd = "BitAnd", floorDiv = "FloorDiv"
}
public enum UnaryOperator: String, Sendable { case invert = "Invert", not = "Not", uAdd = "UAdd", uSub = "USub" }
public enum CmpOperator: String, Sendable {
    case eq = "Eq", notEq = "NotEq", lt = "Lt", ltE = "LtE", gt = "Gt", gtE = "GtE", `is` = "Is", isNot = "IsNot", `in` = "In", notIn = "NotIn"
}

/// A literal value of a `Constant` node.
public enum ConstantValue: Sendable, Hashable {
    case none
    case bool(Bool)
    /// The integer in decimal digits (Python integers have no size limit).
    case int(String)
    case float(Double)
    /// An imaginary literal (`2j`): the imaginary part.
    case complex(Double)
    case string(String)
    /// A string holding lone surrogates (`'\\ud800'`), which Swift strings cannot: its code points.
    case codePoints([UInt32])
    case bytes([UInt8])
    case ellipsis
}

public final class Expr: @unchecked Sendable {
    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }

    // Not `indirect` as a whole: the node is already a class, so only the one large payload is boxed.
    public enum Kind: Sendable {
        case boolOp(op: BoolOperator, values: [Expr])
        case namedExpr(target: Expr, value: Expr)
        case binOp(left: Expr, op: Operator, right: Expr)
        case unaryOp(op: UnaryOperator, operand: Expr)
        indirect case lambda(args: Arguments, body: Expr)
        case ifExp(test: Expr, body: Expr, orelse: Expr)
        case dict(keys: [Expr?], values: [Expr])
        case set(elts: [Expr])
        case listComp(elt: Expr, generators: [Comprehension])
        case setComp(elt: Expr, generators: [Comprehension])
        case dictComp(key: Expr, value: Expr, generators: [Comprehension])
        case generatorExp(elt: Expr, generators: [Comprehension])
        case await(value: Expr)
        case yield(value: Expr?)
        case yieldFrom(value: Expr)
        case compare(left: Expr, ops: [CmpOperator], comparators: [Expr])
        case call(func: Expr, args: [Expr], keywords: [Keyword])
        case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
        case interpolation(value: Expr, str: String, conversion: Int, formatSpec: Expr?)
        case joinedStr(values: [Expr])
        case templateStr(values: [Expr])
        case constant(value: ConstantValue, kind: String?)
        case attribute(value: Expr, attr: String, ctx: ExprContext)
        case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
        case starred(value: Expr, ctx: ExprContext)
        case name(id: String, ctx: ExprContext)
        case list(elts: [Expr], ctx: ExprContext)
        case tuple(elts: [Expr], ctx: ExprContext)
        case slice(lower: Expr?, upper: Expr?, step: Expr?)
    }
}

public final class Stmt: @unchecked Sendable {
    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }

    public struct FunctionDef: Sendable {
        public var name: String
        public var args: Arguments
        public var body: [Stmt]
        public var decorators: [Expr]
        public var returns: Expr?
        public var typeParams: [TypeParam]
        public var isAsync: Bool
    }

    public enum Kind: Sendable {
        indirect case functionDef(FunctionDef)
        indirect case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr], typeParams: [TypeParam])
        case `return`(value: Expr?)
        case delete(targets: [Expr])
        case assign(targets: [Expr], value: Expr)
        case typeAlias(name: Expr, typeParams: [TypeParam], value: Expr)
        case augAssign(target: Expr, op: Operator, value: Expr)
        case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
        case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
        case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
        case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
        case with(items: [WithItem], body: [Stmt], isAsync: Bool)
        case match(subject: Expr, cases: [MatchCase])
        case raise(exc: Expr?, cause: Expr?)
        indirect case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], isStar: Bool)
        case assert(test: Expr, msg: Expr?)
        case `import`(names: [Alias])
        case importFrom(module: String?, names: [Alias], level: Int)
        case global(names: [String])
        case nonlocal(names: [String])
        case expr(value: Expr)
        case pass, `break`, `continue`
    }
}

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
}

public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var span: Span
}

public struct Arguments: Sendable {
    public var posonlyargs: [Arg] = []
    public var args: [Arg] = []
    public var vararg: Arg?
    public var kwonlyargs: [Arg] = []
    /// One per keyword-only argument; nil where it has no default.
    public var kwDefaults: [Expr?] = []
    public var kwarg: Arg?
    public var defaults: [Expr] = []
    /// Semgrep patterns only (`Parser`'s lenient mode, where `def f(..., $P=1, ...)` is written):
    /// each positional parameter's default, in order. nil for Python code.
    public var patternDefaults: [Expr?]?

    public init() {}
}

public struct Arg: Sendable {
    public var arg: String
    public var annotation: Expr?
    public var span: Span
}

public struct Keyword: Sendable {
    /// nil for `**mapping`.
    public var arg: String?
    public var value: Expr
    public var span: Span
}

public struct Alias: Sendable {
    public var name: String
    public var asname: String?
    public var span: Span
}

public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
}

public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]
}

public final class Pattern: @unchecked Sendable {
    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }

    public enum Kind: Sendable {
        case matchValue(value: Expr)
        case matchSingleton(value: ConstantValue)
        case matchSequence(patterns: [Pattern])
        case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
        case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
        case matchStar(name: String?)
        case matchAs(pattern: Pattern?, name: String?)
        case matchOr(patterns: [Pattern])
    }
}

public struct TypeParam: Sendable {
    public enum Kind: Sendable {
        case typeVar(bound: Expr?)
        case paramSpec
        case typeVarTuple
    }

    public var kind: Kind
    public var name: String
    public var defaultValue: Expr?
    public var span: Span
}
