import Foundation
import PythonSyntax

/// A Semgrep pattern for Python, parsed once: an expression (matched at every expression), one
/// statement, or a run of statements (matched at every block position).
final class CompiledPattern: @unchecked Sendable {
    enum Shape {
        case expression(Expr)
        case statement(Stmt)
        case sequence([Stmt])
    }

    let shape: Shape
    let source: String
    let options: CustomRule.Options
    /// What the pattern's root can match, for the rule index.
    let root: RootKey
    /// The regexes of its `"=~/…/"` strings.
    let stringRegexes: [String]
    /// The names a file must have for the pattern to match there (`NamePrefilter`).
    let requiredNames: [UInt64]
    /// Its generators that are a call's only argument (read as list comprehensions).
    let bareGenerators: Set<ObjectIdentifier>
    private let parsed: Module

    init(_ text: String, options: CustomRule.Options) throws(PatternError) {
        self.source = text
        self.options = options
        let rewritten = try PatternText.rewrite(Self.dedent(text))
        guard rewritten.utf8.count <= 1 << 20 else { throw PatternError("the pattern is longer than 1 MiB") }
        let module: Module
        do throws(PythonSyntaxError) {
            module = try PythonParsing.parsePattern(Array(rewritten.utf8)).module
        } catch {
            throw PatternError("the pattern is not Python Semgrep reads (line \(error.position.line)): \(error.message)")
        }
        parsed = module
        switch module.body.count {
        case 0: throw PatternError("the pattern is empty")
        case 1:
            if case .expr(let e) = module.body[0].kind, !PatternSyntax.isEllipsis(e) {
                shape = .expression(e)
            } else {
                shape = .statement(module.body[0])
            }
        default:
            shape = .sequence(module.body)
        }
        var regexes: [String] = []
        var budget = 100_000
        Self.collectStrings(module.body, &regexes, &budget)
        stringRegexes = regexes
        requiredNames = NamePrefilter.required(module.body)
        var bare = Set<ObjectIdentifier>()
        var seen = 0
        func visit(_ node: SyntaxNode) {
            seen += 1
            guard seen < 100_000 else { return }
            if case .expression(let e) = node, case .call(_, let args, let keywords) = e.kind, args.count == 1, keywords.isEmpty,
               case .generatorExp = args[0].kind, args[0].span.end == e.span.end {
                bare.insert(ObjectIdentifier(args[0]))
            }
            for child in node.children { visit(child) }
        }
        for s in module.body { visit(.statement(s)) }
        bareGenerators = bare
        root = RootKey(shape)
    }

    /// Semgrep reads a pattern whatever its indentation: the common indentation is removed.
    static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let common = indents.min(), common > 0 else { return text.trimmingCharacters(in: .newlines) }
        return lines.map { $0.count >= common ? String($0.dropFirst(common)) : String($0.drop { $0.isWhitespace }) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    private static func collectStrings(_ statements: [Stmt], _ out: inout [String], _ budget: inout Int) {
        for s in statements {
            for child in s.children {
                collect(child, &out, &budget)
            }
        }
    }

    private static func collect(_ node: SyntaxNode, _ out: inout [String], _ budget: inout Int) {
        budget -= 1
        guard budget > 0 else { return }
        if case .expression(let e) = node, case .constant(.string(let s), _) = e.kind,
           case .regex(let pattern) = PatternSyntax.stringPattern(s) {
            out.append(pattern)
        }
        for child in node.children { collect(child, &out, &budget) }
    }
}

/// Where a pattern's root can match, so the walk tries it only on nodes that can match it.
enum RootKey {
    /// Any expression (a metavariable, `<... e ...>`, `...`).
    case anyExpression
    /// Calls whose function's last name (literally or through an import) is this.
    case call(String)
    /// Any call.
    case anyCall
    /// Names and attributes whose last name is this.
    case name(String)
    /// Expressions of this kind.
    case expressionKind(Int)
    /// Statements of this kind (`ExpressionStatement` patterns in sequences are deep).
    case statementKind(Int)
    /// A run of statements.
    case sequence
    /// What can hold a constant: literals, names, `+` and other operators, f-strings.
    case constantLike

    init(_ shape: CompiledPattern.Shape) {
        switch shape {
        case .expression(let e): self = RootKey.of(e)
        case .statement(let s): self = .statementKind(NodeKinds.statement(s))
        case .sequence: self = .sequence
        }
    }

    static func of(_ e: Expr) -> RootKey {
        if PatternSyntax.metavariable(e) != nil || PatternSyntax.isEllipsis(e) || PatternSyntax.deepInner(e) != nil {
            return .anyExpression
        }
        switch e.kind {
        case .call(let f, _, _):
            switch f.kind {
            case .name(let id, _): return PatternSyntax.metavariable(id) == nil ? .call(id) : .anyCall
            case .attribute(_, let attr, _):
                return PatternSyntax.metavariable(attr) == nil && attr != PatternText.chainName ? .call(attr) : .anyCall
            default: return .anyCall
            }
        case .name(let id, _): return .name(id)
        case .attribute(_, let attr, _):
            return PatternSyntax.metavariable(attr) == nil && attr != PatternText.chainName ? .name(attr) : .expressionKind(NodeKinds.expression(e))
        case .constant(.ellipsis, _):
            return .anyExpression
        case .constant:
            // A literal also matches names and expressions that fold to it.
            return .constantLike
        default:
            return .expressionKind(NodeKinds.expression(e))
        }
    }
}

/// Small integers for node kinds (the walk's index).
enum NodeKinds {
    static let expressionCount = 30
    static let statementCount = 26
    static let constantKind = 21
    static let nameKind = 25
    static let binOpKind = 2
    static let joinedStrKind = 19
    static let listCompKind = 8
    static let generatorKind = 11
    static let tupleKind = 27
    static let globalKind = 18
    static let nonlocalKind = 19
    static let importKind = 16
    static let importFromKind = 17
    static let assignKind = 4
    static let annAssignKind = 7

    static func expression(_ e: Expr) -> Int {
        switch e.kind {
        case .boolOp: 0
        case .namedExpr: 1
        case .binOp: 2
        case .unaryOp: 3
        case .lambda: 4
        case .ifExp: 5
        case .dict: 6
        case .set: 7
        case .listComp: 8
        case .setComp: 9
        case .dictComp: 10
        case .generatorExp: 11
        case .await: 12
        case .yield: 13
        case .yieldFrom: 14
        case .compare: 15
        case .call: 16
        case .formattedValue: 17
        case .interpolation: 18
        case .joinedStr: 19
        case .templateStr: 20
        case .constant: 21
        case .attribute: 22
        case .subscript: 23
        case .starred: 24
        case .name: 25
        case .list: 26
        case .tuple: 27
        case .slice: 28
        }
    }

    static func statement(_ s: Stmt) -> Int {
        switch s.kind {
        case .functionDef: 0
        case .classDef: 1
        case .return: 2
        case .delete: 3
        case .assign: 4
        case .typeAlias: 5
        case .augAssign: 6
        case .annAssign: 7
        case .for: 8
        case .while: 9
        case .if: 10
        case .with: 11
        case .match: 12
        case .raise: 13
        case .try: 14
        case .assert: 15
        case .import: 16
        case .importFrom: 17
        case .global: 18
        case .nonlocal: 19
        case .expr: 20
        case .pass: 21
        case .break: 22
        case .continue: 23
        }
    }
}
