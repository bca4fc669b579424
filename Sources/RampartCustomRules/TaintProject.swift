import Foundation
import PythonSyntax

/// The scanned tree as taint analysis sees it across files (rules with `interfile`): which file
/// an import names, and the summaries of the functions of other files, each computed once and
/// shared by the threads scanning. Only files of the scan's selection are read, through the
/// scanner's own reader: an import never leads outside the tree or through a symbolic link.
public final class TaintProject: @unchecked Sendable {
    public typealias Loader = @Sendable (String) -> [UInt8]?

    let version: PythonVersion
    private let load: Loader
    private let paths: Set<String>
    /// Files by the dotted names that end their module name (`pkg/views.py`: `pkg.views`, `views`).
    private var bySuffix: [String: [String]] = [:]
    private let lock = NSLock()
    private var summaries: [String: ExternalSummary?] = [:]
    /// The largest file read for a summary (larger ones are left to their own scan).
    static let maxBytes = 4 << 20

    /// `paths`: the Python files of the scan, relative to its root; `load` reads one of them.
    public init(paths: [String], version: PythonVersion = .v3_14, load: @escaping Loader) {
        self.version = version
        self.load = load
        self.paths = Set(paths)
        for path in paths {
            let parts = Self.moduleParts(of: path)
            for start in parts.indices { bySuffix[parts[start...].joined(separator: "."), default: []].append(path) }
        }
    }

    /// `a/b/c.py` → `[a, b, c]`; `a/b/__init__.py` → `[a, b]`.
    static func moduleParts(of path: String) -> [String] {
        var parts = path.split(separator: "/").map(String.init)
        guard var last = parts.popLast() else { return [] }
        if last.hasSuffix(".py") { last.removeLast(3) } else if last.hasSuffix(".pyi") { last.removeLast(4) }
        if last != "__init__" { parts.append(last) }
        return parts
    }

    /// The file a module name stands for, seen from `importer`: in `folder` when the import is
    /// relative; otherwise as Python finds it from a script's folder and the packages above it,
    /// then any single file of the tree with that name.
    func file(forModule parts: [String], from importer: String, folder: String?) -> String? {
        guard !parts.isEmpty else { return folder.flatMap { paths.contains($0 + "__init__.py") ? $0 + "__init__.py" : nil } }
        let relative = parts.joined(separator: "/")
        func at(_ base: String) -> String? {
            for candidate in [base + relative + ".py", base + relative + "/__init__.py"] where paths.contains(candidate) { return candidate }
            return nil
        }
        if let folder { return at(folder) }
        var base = Self.folder(of: importer)
        while true {
            if let found = at(base) { return found }
            if base.isEmpty { break }
            base = Self.folder(of: String(base.dropLast()))
        }
        let candidates = bySuffix[parts.joined(separator: "."), default: []]
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// `a/b/c.py` → `a/b/`; `c.py` → ``.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// What a dotted name refers to: the longest leading part that is a file of the tree, and
    /// the names after it (a function, or a class and its method).
    func resolve(_ parts: [String], from importer: String, folder: String?) -> (path: String, rest: [String])? {
        var count = parts.count - 1
        while count >= 0 {
            if let path = file(forModule: Array(parts[..<count]), from: importer, folder: folder) {
                return (path, Array(parts[count...]))
            }
            count -= 1
        }
        return nil
    }

    /// The file parsed, on the calling thread (it must have the parser's deep stack); nil when
    /// it cannot be read or parsed (its own scan says why).
    func parse(_ path: String) -> TargetFile? {
        guard paths.contains(path), let bytes = load(path), bytes.count <= Self.maxBytes,
              let parsed = try? Parser.parse(bytes, version: version) else { return nil }
        return TargetFile(path: path, source: parsed.source, module: parsed.module)
    }

    /// The project files a file's imports name (modules, and modules holding imported names;
    /// for a name a package's `__init__.py` re-exports, the file defining it too).
    func imported(by file: TargetFile) -> [String] {
        var out = Set<String>()
        for name in ImportedName.table(of: file.module, path: file.path).values {
            if let path = self.file(forModule: name.parts, from: file.path, folder: name.folder), path != file.path {
                out.insert(path)
            } else if let (path, rest) = resolve(name.parts, from: file.path, folder: name.folder), path != file.path {
                out.insert(path)
                if path.hasSuffix("__init__.py"), rest.count == 1, let inner = reexports(path)[rest[0]], inner != file.path { out.insert(inner) }
            }
        }
        return out.sorted()
    }

    private var packages: [String: [String: String]] = [:]

    /// The files a package's `__init__.py` takes each name it imports from, once for the project.
    private func reexports(_ path: String) -> [String: String] {
        if let known = lock.withLock({ packages[path] }) { return known }
        var found: [String: String] = [:]
        if let package = parse(path) {
            for (local, name) in ImportedName.table(of: package.module, path: path) {
                if let inner = file(forModule: name.parts, from: path, folder: name.folder) ?? resolve(name.parts, from: path, folder: name.folder)?.path, inner != path {
                    found[local] = inner
                }
            }
        }
        lock.withLock { packages[path] = found }
        return found
    }

    /// The identifiers a file holds (hashed, sorted), for name prefilters across files.
    func identifiers(_ path: String) -> [UInt64] {
        if let known = lock.withLock({ identifierCache[path] }) { return known }
        let found = load(path).map { NamePrefilter.identifiers($0).sorted() } ?? []
        lock.withLock { identifierCache[path] = found }
        return found
    }

    private var identifierCache: [String: [UInt64]] = [:]
    private var facts: [String: [(sources: Bool, sinks: Bool)]] = [:]

    /// Whether a file holds each rule's sources and sinks, computed once for the project.
    func holds(_ key: String, compute: () -> [(sources: Bool, sinks: Bool)]) -> [(sources: Bool, sinks: Bool)] {
        if let known = lock.withLock({ facts[key] }) { return known }
        let found = compute()
        lock.withLock { facts[key] = found }
        return found
    }

    private var names: [String: [UInt64]?] = [:]

    /// The names (hashed, sorted) of a file's functions and methods that may return a rule's
    /// source, computed once for the project (nil: unknown, any may).
    func sourceReturningNames(_ key: String, compute: () -> [String]?) -> [UInt64]? {
        if let known = lock.withLock({ names[key] }) { return known }
        let found = compute().map { $0.map { NamePrefilter.hash($0.utf8) }.sorted() }
        lock.withLock { names[key] = .some(found) }
        return found
    }

    /// A summary computed before (`.some(nil)`: the function is not in the file).
    func summary(_ key: String) -> ExternalSummary?? {
        lock.withLock { summaries[key] }
    }

    func store(_ key: String, _ summary: ExternalSummary?) {
        lock.withLock { summaries[key] = .some(summary) }
    }
}

/// A place in a file of the project.
struct ExternalPlace: Hashable, Sendable {
    var path: String
    var range: SourceRange
}

/// A function of another file as its callers see it: which parameters reach its return value,
/// which sources of its own (or of functions it calls) do, and which sinks its parameters reach.
struct ExternalSummary: Sendable {
    struct Sink: Sendable {
        var place: ExternalPlace
        /// The rule's message for that sink (its metavariables filled in from its own file).
        var message: String
        var parameters: [Int]
    }

    var parameterNames: [String]
    var isMethod: Bool
    var returns: [Int] = []
    var returnSources: [ExternalPlace] = []
    var sinks: [Sink] = []
}

/// A name an import binds: the dotted name it stands for, and for a relative import the folder
/// it is relative to.
struct ImportedName {
    var parts: [String]
    var folder: String?

    /// The names a file's imports bind, at any depth (a function's own `from x import f` too);
    /// the first import of a name wins.
    static func table(of module: Module, path: String) -> [String: ImportedName] {
        var table: [String: ImportedName] = [:]
        var budget = 100_000
        func walk(_ body: [Stmt], _ depth: Int) {
            guard depth < 64 else { return }
            for s in body {
                guard budget > 0 else { return }
                budget -= 1
                switch s.kind {
                case .import(let names):
                    for alias in names {
                        let parts = alias.name.split(separator: ".").map(String.init)
                        if let asname = alias.asname {
                            if table[asname] == nil { table[asname] = ImportedName(parts: parts) }
                        } else if let first = parts.first, table[first] == nil {
                            table[first] = ImportedName(parts: [first])
                        }
                    }
                case .importFrom(let module, let names, let level):
                    var folder: String?
                    if level > 0 {
                        // `.` is the file's own package; each further dot one package up.
                        var f = TaintProject.folder(of: path)
                        var up = level - 1
                        while up > 0, !f.isEmpty {
                            f = TaintProject.folder(of: String(f.dropLast()))
                            up -= 1
                        }
                        guard up == 0 else { continue }
                        folder = f
                    }
                    let base = module.map { $0.split(separator: ".").map(String.init) } ?? []
                    for alias in names where alias.name != "*" {
                        let name = alias.asname ?? alias.name
                        if table[name] == nil { table[name] = ImportedName(parts: base + [alias.name], folder: folder) }
                    }
                case .functionDef(let f):
                    walk(f.body, depth + 1)
                case .classDef(_, _, _, let body, _, _):
                    walk(body, depth + 1)
                case .if(_, let body, let orelse), .while(_, let body, let orelse), .for(_, _, let body, let orelse, _):
                    walk(body, depth + 1)
                    walk(orelse, depth + 1)
                case .try(let body, let handlers, let orelse, let finalbody, _):
                    walk(body, depth + 1)
                    for h in handlers { walk(h.body, depth + 1) }
                    walk(orelse, depth + 1)
                    walk(finalbody, depth + 1)
                case .with(_, let body, _):
                    walk(body, depth + 1)
                default:
                    break
                }
            }
        }
        walk(module.body, 0)
        return table
    }
}
