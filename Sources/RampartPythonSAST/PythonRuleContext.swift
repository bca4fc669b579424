import PythonSyntax

/// What a rule sees of a node: the node, Bandit's qualified call name, the imports seen so far
/// in the file, its parent and the file's text. One context per file walk, updated in place from
/// node to node, so that checking a node allocates and retains nothing; rules must not keep it.
public final class PythonRuleContext {
    public enum Node {
        case call(Expr)
        case importStatement(Stmt, [Alias])
        case importFrom(Stmt, module: String?, [Alias])
        case functionDef(Stmt, Stmt.FunctionDef)
        case string(Expr, String)
        case bytes(Expr, [UInt8])
        case assertStatement(Stmt)
        case exceptHandler(ExceptHandler)
        case file
    }

    public internal(set) var node: Node = .file {
        didSet { keywordCache = nil }
    }
    /// `subprocess.Popen` for `sp.Popen(...)` after `import subprocess as sp`; "" when unknown.
    public internal(set) var qualname = "" {
        didSet {
            partsCache = nil
            if let dot = qualname.lastIndex(of: ".") {
                name = String(qualname[qualname.index(after: dot)...])
            } else {
                name = qualname
            }
        }
    }
    /// `qualname` split on dots.
    public var qualnameParts: [String] {
        if let partsCache { return partsCache }
        let parts = qualname.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        partsCache = parts
        return parts
    }
    private var partsCache: [String]?
    /// The last part of `qualname`.
    public private(set) var name = ""
    /// Every module and `module.name` imported so far (Bandit's `imports`).
    public internal(set) var imports = Set<String>()
    /// The watched modules (`BanditWalker.watched`) some import contains.
    private(set) var importedLike = Set<String>()
    public internal(set) var importAliases: [String: String] = [:]
    /// The node's ancestors, innermost last.
    public internal(set) var ancestors: [BanditWalker.Parent] = []
    public var parent: BanditWalker.Parent? { ancestors.last }
    public var grandparent: BanditWalker.Parent? { ancestors.count > 1 ? ancestors[ancestors.count - 2] : nil }

    /// The ancestor `levels` above the node (1 is the parent).
    public func ancestor(_ levels: Int) -> BanditWalker.Parent? {
        ancestors.count >= levels ? ancestors[ancestors.count - levels] : nil
    }
    public let path: String
    /// The module's top-level statements (for checks that look back through a scope).
    public internal(set) var moduleBody: [Stmt] = []
    public let source: [UInt8]
    public let options: PythonSASTOptions
    private var keywordCache: [(name: String, value: Expr)]?

    init(path: String, source: [UInt8], options: PythonSASTOptions) {
        self.path = path
        self.source = source
        self.options = options
    }

    /// Records an import (Bandit's `imports.add`), keeping `importedLike` current.
    func addImport(_ name: String) {
        guard imports.insert(name).inserted else { return }
        for module in BanditWalker.watched where !importedLike.contains(module) && TextSearch.contains(name, module) {
            importedLike.insert(module)
        }
    }

    var call: Expr? {
        if case .call(let e) = node { return e }
        return nil
    }

    /// The call's positional arguments.
    public var callArguments: [Expr] { call?.callArguments ?? [] }

    /// The call's keyword arguments by name (Bandit's `call_keywords`), built once per node.
    public var callKeywords: [(name: String, value: Expr)] {
        if let keywordCache { return keywordCache }
        var built: [(name: String, value: Expr)] = []
        if case .call(_, _, let keywords)? = call?.kind {
            built = keywords.compactMap { k in k.arg.map { ($0, k.value) } }
        }
        keywordCache = built
        return built
    }

    func keyword(_ name: String) -> Expr? {
        callKeywords.last { $0.name == name }?.value
    }

    /// Bandit's `check_call_arg_value`: nil when the keyword is absent or not a literal,
    /// else whether its literal equals one of `values`.
    func checkKeyword(_ name: String, _ values: [String]) -> Bool? {
        guard let value = keyword(name), let literal = BanditLiteral.ofArgument(value) else { return nil }
        return values.contains { literal == .str($0) }
    }

    /// Bandit's `get_call_arg_value(name)`: the keyword's literal, nil when absent or not literal.
    func keywordLiteral(_ name: String) -> BanditLiteral? {
        keyword(name).flatMap { BanditLiteral.ofArgument($0) }
    }

    /// Python's `a or b`: the first truthy literal.
    static func firstTruthy(_ values: BanditLiteral?...) -> BanditLiteral? {
        values.first { $0?.isTruthy == true } ?? nil
    }

    /// Bandit's `get_call_arg_value(name) is None`.
    func keywordIsMissingOrNotLiteral(_ name: String) -> Bool {
        guard let value = keyword(name) else { return true }
        return BanditLiteral.ofArgument(value) == nil
    }

    /// The line of a keyword argument's value (Bandit's `get_lineno_for_call_arg`).
    func lineOfKeyword(_ name: String) -> Int? {
        keyword(name)?.span.start.line
    }

    /// Bandit's `get_call_arg_at_position`.
    func argument(at index: Int) -> BanditLiteral? {
        let args = callArguments
        guard index < args.count else { return nil }
        return BanditLiteral.ofArgument(args[index])
    }

    /// Bandit's `is_module_imported_like`: some import contains `module` as a substring.
    func isModuleImportedLike(_ module: String) -> Bool {
        if BanditWalker.watched.contains(module) { return importedLike.contains(module) }
        return imports.contains { TextSearch.contains($0, module) }
    }

    func isModuleImportedExact(_ module: String) -> Bool {
        imports.contains(module)
    }
}

/// Settings of the Python SAST scanner (`python:` in `.rampart.yml`, or a Bandit configuration).
public struct PythonSASTOptions: Sendable, Hashable {
    /// Glob patterns of files where `assert` is fine (B101's `skips`).
    public var assertSkips: [String] = []
    public var tmpDirectories: [String] = ["/tmp", "/var/tmp", "/dev/shm"]
    public var checkTypedException = false
    /// Bandit's `tests`: only these rules (ids like `B602` or names); empty means all.
    public var tests: [String] = []
    /// Bandit's `skips`: rules that never run.
    public var skips: [String] = []
    /// Reproduce Bandit exactly where Rampart deliberately differs (`--bandit-compat`); the
    /// differences are on the rules' pages.
    public var banditCompatible = false
    /// Whether Bandit's checks run (`python.builtin: false` leaves the custom rules only).
    public var builtinChecks = true
    /// Whether the built-in taint rules run (`taint: false` turns them off).
    public var taint = true
    /// Keep Bandit's findings that a taint rule covers only where a flow confirms them
    /// (`taint_only: true`): gate on flaws, not on dangerous-looking calls.
    public var taintOnly = false

    public init() {}
}
