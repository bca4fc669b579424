import Foundation
import PythonSyntax
import RampartCore
import RampartRegex

/// Custom rules compiled once: every pattern parsed a single time (shared between rules that
/// repeat it), indexed by the node kinds and names its root can match, so a file is walked once
/// for all rules and each node is tried only against the patterns that can match it.
public final class RuleSet: @unchecked Sendable {
    public private(set) var rules: [CustomRule] = []
    /// Rules that could not be used (the others still run).
    public private(set) var errors: [RuleError] = []
    /// Rules skipped on purpose (other languages).
    public private(set) var notes: [String] = []

    var patterns: [CompiledPattern] = []
    /// Whether each pattern is matched over whole files (not only inside a `metavariable-pattern`).
    var topLevel: [Bool] = []
    private var patternIndex: [String: Int] = [:]
    var regexLeaves: [ByteRegex] = []
    let facts = PatternFacts()

    // The index, built by `finish()`.
    var anyExpression: [Int] = []
    var anyCall: [Int] = []
    var callsByName: [String: [Int]] = [:]
    var namesByName: [String: [Int]] = [:]
    var expressionsByKind: [[Int]] = Array(repeating: [], count: NodeKinds.expressionCount)
    var statementsByKind: [[Int]] = Array(repeating: [], count: NodeKinds.statementCount)
    var sequences: [Int] = []
    /// Each rule's pattern leaves, nested conditions included.
    var ruleLeaves: [[Int]] = []
    /// Tuple patterns, also tried on each `key: value` of dict displays (Semgrep's view of them).
    var dictEntryTuples: [Int] = []
    /// Rule indexes by whether they need a file walk (a Python pattern) at all.
    var walkNeeded = false

    public init() {}

    /// The rules of one YAML text (a rule file, or `rules:` written inline in `.rampart.yml`).
    public func add(yaml: String, file: String) {
        let (loaded, problems, skipped) = RuleLoader.load(yaml: yaml, file: file, into: self)
        for rule in loaded { accept(rule) }
        errors += problems
        notes += skipped
    }

    /// Keeps a rule unless another has its id (the first one wins).
    fileprivate func accept(_ rule: CustomRule) {
        guard !rules.contains(where: { $0.id == rule.id }) else {
            errors.append(RuleError(file: rule.file, line: rule.line, ruleID: rule.id, message: "another rule has the same id; this one is not used"))
            return
        }
        rules.append(rule)
    }

    /// Reads rule files: a file, or every `.yml`/`.yaml` file under a folder (sorted, hidden
    /// ones skipped). With `followLinks: false` (a repository's own configuration) symbolic
    /// links inside the folder are not read: they may point outside the repository.
    public func add(path: String, maxBytes: Int = 32 << 20, followLinks: Bool = true) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(RuleError(file: path, line: 1, ruleID: nil, message: "no such file or folder"))
            return
        }
        let files: [String]
        if isDirectory.boolValue {
            files = Self.ruleFiles(under: path, followLinks: followLinks)
            if files.isEmpty { errors.append(RuleError(file: path, line: 1, ruleID: nil, message: "no .yml or .yaml rule files in this folder")) }
        } else {
            files = [path]
        }
        for file in files {
            guard let bytes = try? FileReader.read(file, limit: maxBytes) else {
                errors.append(RuleError(file: file, line: 1, ruleID: nil, message: "cannot read the file, or it is larger than \(maxBytes >> 20) MiB"))
                continue
            }
            add(yaml: String(decoding: bytes, as: UTF8.self), file: file)
        }
    }

    /// The rule files under a folder: `.yml`/`.yaml`, not hidden, not rule tests' fixed outputs.
    public static func ruleFiles(under folder: String, followLinks: Bool = true) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if !followLinks, walker.fileAttributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
            if name.hasSuffix(".yml") || name.hasSuffix(".yaml") { out.append((folder as NSString).appendingPathComponent(relative)) }
        }
        return out.sorted()
    }

    func addPattern(_ text: String, options: CustomRule.Options, topLevel isTopLevel: Bool) throws(PatternError) -> Int {
        let key = "\(options.constantPropagation ? 1 : 0)\(options.symbolicPropagation ? 1 : 0)\(options.commutativeBooleans ? 1 : 0)\u{0}" + text
        if let index = patternIndex[key] {
            if isTopLevel { topLevel[index] = true }
            return index
        }
        let pattern = try CompiledPattern(text, options: options)
        facts.bareGenerators.formUnion(pattern.bareGenerators)
        for regex in pattern.stringRegexes {
            if let problem = facts.add(regex) { throw PatternError("the regular expression `\(regex)` does not compile: \(problem)") }
        }
        patterns.append(pattern)
        topLevel.append(isTopLevel)
        patternIndex[key] = patterns.count - 1
        return patterns.count - 1
    }

    func addRegex(_ regex: ByteRegex) -> Int {
        regexLeaves.append(regex)
        return regexLeaves.count - 1
    }

    /// Builds the index; call once all rules are added.
    public func finish() {
        anyExpression = []
        anyCall = []
        callsByName = [:]
        namesByName = [:]
        expressionsByKind = Array(repeating: [], count: NodeKinds.expressionCount)
        statementsByKind = Array(repeating: [], count: NodeKinds.statementCount)
        sequences = []
        dictEntryTuples = []
        for (index, pattern) in patterns.enumerated() where topLevel[index] {
            switch pattern.root {
            case .anyExpression: anyExpression.append(index)
            case .constantLike:
                for kind in [NodeKinds.constantKind, NodeKinds.nameKind, NodeKinds.binOpKind, NodeKinds.joinedStrKind] {
                    expressionsByKind[kind].append(index)
                }
            case .anyCall: anyCall.append(index)
            case .call(let name): callsByName[name, default: []].append(index)
            case .name(let name): namesByName[name, default: []].append(index)
            case .expressionKind(let kind):
                expressionsByKind[kind].append(index)
                // A list comprehension and a generator match each other; a tuple matches a dict entry.
                if kind == NodeKinds.listCompKind { expressionsByKind[NodeKinds.generatorKind].append(index) }
                if kind == NodeKinds.generatorKind { expressionsByKind[NodeKinds.listCompKind].append(index) }
                if kind == NodeKinds.tupleKind { dictEntryTuples.append(index) }
            case .statementKind(let kind):
                statementsByKind[kind].append(index)
                // `x = $Y` matches `x: int = 10` too.
                if kind == NodeKinds.assignKind { statementsByKind[NodeKinds.annAssignKind].append(index) }
                // `global` and `nonlocal` match each other; `import m` matches `from m import x`.
                if kind == NodeKinds.globalKind { statementsByKind[NodeKinds.nonlocalKind].append(index) }
                if kind == NodeKinds.nonlocalKind { statementsByKind[NodeKinds.globalKind].append(index) }
                if kind == NodeKinds.importKind { statementsByKind[NodeKinds.importFromKind].append(index) }
            case .sequence: sequences.append(index)
            }
        }
        walkNeeded = patterns.indices.contains { topLevel[$0] }
        ruleLeaves = rules.map(\.formula.leaves)
    }

    /// The rules that apply to a file path.
    public func rules(for path: String) -> [Int] {
        rules.indices.filter { rules[$0].applies(to: path) }
    }
}

extension RuleSet {
    /// Rules written inline (in `.rampart.yml`), already read as YAML.
    public func add(rules nodes: [ConfigNode], file: String) {
        for node in nodes {
            var loader = RuleLoader(set: self, file: file)
            do throws(RuleError) {
                if let rule = try loader.rule(node) {
                    accept(rule)
                } else if let id = loader.ruleID {
                    notes.append("\(file):\(node.position.line): rule \(id) skipped: not a Python rule")
                }
            } catch {
                errors.append(error)
            }
        }
    }
}
