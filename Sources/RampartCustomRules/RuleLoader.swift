import Foundation
import RampartCore
import RampartRegex

/// A rule that cannot be used, with where it is written.
public struct RuleError: Error, Sendable, CustomStringConvertible, Hashable {
    public var file: String
    public var line: Int
    public var ruleID: String?
    public var message: String

    public init(file: String, line: Int, ruleID: String?, message: String) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        "\(file):\(line): " + (ruleID.map { "rule \($0): " } ?? "") + message
    }
}

/// Reads rule files in Semgrep's format into a `RuleSet`: each rule is checked on its own, so a
/// bad rule is an error naming file, line and id, and the others are still used.
struct RuleLoader {
    let set: RuleSet
    let file: String
    var ruleID: String?
    var options = CustomRule.Options()
    var interprocedural = false
    var interfile = false
    /// Inside a `metavariable-pattern`: its patterns match bound values only, not whole files.
    var nested = 0

    static let ruleKeys: Set<String> = [
        "id", "message", "severity", "languages", "metadata", "paths", "options", "fix", "fix-regex", "mode",
        "pattern", "patterns", "pattern-either", "pattern-regex", "match", "min-version", "max-version", "title",
        "focus-metavariable", "equivalences", "product",
        "pattern-sources", "pattern-sinks", "pattern-sanitizers", "pattern-propagators",
    ]
    static let severities: [String: Severity] = [
        "ERROR": .high, "WARNING": .medium, "INFO": .low, "CRITICAL": .critical, "HIGH": .high, "MEDIUM": .medium,
        "LOW": .low, "INVENTORY": .info, "EXPERIMENT": .info,
    ]

    /// Reads every rule of a file's text; returns the rules read and the errors of the others.
    static func load(yaml: String, file: String, into set: RuleSet) -> (rules: [CustomRule], errors: [RuleError], notes: [String]) {
        let root: ConfigNode
        do throws(ConfigurationError) {
            root = try ConfigNode.parse(yaml: yaml, file: file, maxNodes: 2_000_000)
        } catch {
            return ([], [RuleError(file: file, line: error.line, ruleID: nil, message: error.message)], [])
        }
        guard case .mapping(let top, _) = root, let rulesEntry = top.first(where: { $0.key == "rules" }) else {
            return ([], [RuleError(file: file, line: root.position.line, ruleID: nil, message: "a rule file is a mapping with a `rules:` list")], [])
        }
        guard case .sequence(let items, _) = rulesEntry.value else {
            if case .null = rulesEntry.value { return ([], [], []) }
            return ([], [RuleError(file: file, line: rulesEntry.value.position.line, ruleID: nil, message: "`rules:` must be a list")], [])
        }
        var rules: [CustomRule] = []
        var errors: [RuleError] = []
        var notes: [String] = []
        for item in items {
            var loader = RuleLoader(set: set, file: file)
            do throws(RuleError) {
                if let rule = try loader.rule(item) {
                    rules.append(rule)
                } else if let id = loader.ruleID {
                    notes.append("\(file):\(item.position.line): rule \(id) skipped: not a Python rule")
                }
            } catch {
                errors.append(error)
            }
        }
        return (rules, errors, notes)
    }

    func fail(_ node: ConfigNode, _ message: String) -> RuleError {
        RuleError(file: file, line: node.position.line, ruleID: ruleID, message: message)
    }

    /// One rule; nil when it is for other languages (skipped with a note, as Semgrep's users expect).
    mutating func rule(_ node: ConfigNode) throws(RuleError) -> CustomRule? {
        guard case .mapping(let entries, _) = node else { throw fail(node, "a rule is a mapping") }
        func value(_ key: String) -> ConfigNode? { entries.first { $0.key == key }?.value }
        guard let idNode = value("id"), case .scalar(let id, _) = idNode, !id.isEmpty else { throw fail(node, "the rule has no `id`") }
        ruleID = id
        for entry in entries where !Self.ruleKeys.contains(entry.key) {
            throw RuleError(file: file, line: entry.keyPosition.line, ruleID: id, message: "unknown key `\(entry.key)`")
        }
        let languages = try strings(value("languages"), key: "languages", required: true)
        let isPython = languages.contains { ["python", "py", "python3", "python2"].contains($0.lowercased()) }
        let isRegexOnly = languages.contains { ["regex", "generic", "none"].contains($0.lowercased()) }
        guard isPython || isRegexOnly else { return nil }
        var isTaint = false
        if let mode = value("mode") {
            guard case .scalar(let m, _) = mode, m == "search" || m == "taint" else {
                throw fail(mode, "this mode is not supported (search and taint modes are)")
            }
            isTaint = m == "taint"
            if isTaint && !isPython { throw fail(mode, "taint mode needs a Python rule") }
        }
        guard let messageNode = value("message"), case .scalar(let message, _) = messageNode else { throw fail(node, "the rule has no `message`") }
        guard let severityNode = value("severity"), case .scalar(let severityName, _) = severityNode,
              let severity = Self.severities[severityName.uppercased()] else {
            throw fail(value("severity") ?? node, "`severity` must be one of ERROR, WARNING, INFO, CRITICAL, HIGH, MEDIUM, LOW")
        }
        if let optionsNode = value("options") { try readOptions(optionsNode) }
        var rule = CustomRule(
            id: id, message: message, severityName: severityName, severity: severity, confidence: .medium, languages: languages,
            cwe: [], owasp: nil, references: [], extraMetadata: [], include: [], exclude: [], options: options, fix: nil, fixRegex: nil,
            formula: Formula(.or([]), line: node.position.line), file: file, line: node.position.line
        )
        if let metadata = value("metadata") { try readMetadata(metadata, into: &rule) }
        if let paths = value("paths") { try readPaths(paths, into: &rule) }
        if let fix = value("fix") {
            guard case .scalar(let text, _) = fix else { throw fail(fix, "`fix` is a string") }
            rule.fix = text
        }
        if let fixRegex = value("fix-regex") { rule.fixRegex = try readFixRegex(fixRegex) }
        let taintKeys = ["pattern-sources", "pattern-sinks", "pattern-sanitizers", "pattern-propagators"].filter { value($0) != nil }
        if isTaint {
            let spec = try taintSpec(value, rule: node)
            rule.taint = spec
            rule.formula = Formula(.or(spec.formulas), line: node.position.line)
            return rule
        }
        if let key = taintKeys.first, let node = value(key) { throw fail(node, "`\(key)` belongs in a rule with `mode: taint`") }
        let operators = ["pattern", "patterns", "pattern-either", "pattern-regex", "match"].filter { value($0) != nil }
        guard operators.count == 1, let key = operators.first, let formulaNode = value(key) else {
            throw fail(node, operators.isEmpty
                ? "the rule has no pattern: give one of `pattern`, `patterns`, `pattern-either`, `pattern-regex` or `match`"
                : "the rule has several top-level patterns (\(operators.joined(separator: ", "))): combine them under `patterns` or `pattern-either`")
        }
        rule.formula = key == "match" ? try newFormula(formulaNode) : try formula(key: key, formulaNode, python: isPython)
        if let focus = value("focus-metavariable") {
            rule.formula.focus.append(try metavariables(focus))
        }
        return rule
    }

    // MARK: Taint mode

    private mutating func taintSpec(_ value: (String) -> ConfigNode?, rule node: ConfigNode) throws(RuleError) -> TaintSpec {
        for key in ["pattern", "patterns", "pattern-either", "pattern-regex", "match"] {
            if let misplaced = value(key) { throw fail(misplaced, "a taint rule takes `pattern-sources` and `pattern-sinks`, not `\(key)`") }
        }
        guard let sources = value("pattern-sources") else { throw fail(node, "a taint rule needs `pattern-sources`") }
        guard let sinks = value("pattern-sinks") else { throw fail(node, "a taint rule needs `pattern-sinks`") }
        let spec = TaintSpec()
        spec.interprocedural = interprocedural || interfile
        spec.interfile = interfile
        for item in try taintItems(sources, key: "pattern-sources") {
            let (formula, options) = try taintItem(item, allowed: ["exact", "by-side-effect"])
            spec.sources.append(.init(formula: formula, exact: try options["exact"].map(bool) ?? false,
                                      sideEffect: try options["by-side-effect"].map(sideEffect) ?? .no))
        }
        for item in try taintItems(sinks, key: "pattern-sinks") {
            let (formula, options) = try taintItem(item, allowed: ["exact"])
            spec.sinks.append(.init(formula: formula, exact: try options["exact"].map(bool) ?? false))
        }
        if let sanitizers = value("pattern-sanitizers") {
            for item in try taintItems(sanitizers, key: "pattern-sanitizers") {
                let (formula, options) = try taintItem(item, allowed: ["exact", "by-side-effect", "not-conflicting", "by-guard"])
                spec.sanitizers.append(.init(formula: formula, exact: try options["exact"].map(bool) ?? false,
                                             sideEffect: try options["by-side-effect"].map(sideEffect) ?? .no,
                                             guardOutcome: try options["by-guard"].map(bool)))
            }
        }
        if let propagators = value("pattern-propagators") {
            for item in try taintItems(propagators, key: "pattern-propagators") {
                let (formula, options) = try taintItem(item, allowed: ["from", "to", "by-side-effect"])
                guard let from = options["from"], case .scalar(let fromName, _) = from, fromName.hasPrefix("$"),
                      let to = options["to"], case .scalar(let toName, _) = to, toName.hasPrefix("$") else {
                    throw fail(item, "a propagator names its `from` and `to` metavariables")
                }
                spec.propagators.append(.init(formula: formula, from: fromName, to: toName))
            }
        }
        return spec
    }

    private func taintItems(_ node: ConfigNode, key: String) throws(RuleError) -> [ConfigNode] {
        guard case .sequence(let items, _) = node, !items.isEmpty else { throw fail(node, "`\(key)` is a non-empty list") }
        return items
    }

    /// One source, sink, sanitizer or propagator: a formula and its options.
    private mutating func taintItem(_ item: ConfigNode, allowed: Set<String>) throws(RuleError) -> (Formula, [String: ConfigNode]) {
        if case .scalar = item { return (try formula(key: "pattern", item, python: true), [:]) }
        guard case .mapping(let entries, _) = item else { throw fail(item, "each item is a mapping with a pattern") }
        var options: [String: ConfigNode] = [:]
        var formulaEntry: (key: String, value: ConfigNode)?
        var focus: [[String]] = []
        for entry in entries {
            switch entry.key {
            case "pattern", "patterns", "pattern-either", "pattern-regex", "pattern-inside":
                guard formulaEntry == nil else { throw fail(entry.value, "one pattern operator per item (combine them under `patterns`)") }
                formulaEntry = (entry.key, entry.value)
            case "focus-metavariable":
                focus.append(try metavariables(entry.value))
            case "label", "requires":
                throw RuleError(file: file, line: entry.keyPosition.line, ruleID: ruleID, message: "taint labels (`\(entry.key)`) are not supported yet")
            case let key where allowed.contains(key):
                options[key] = entry.value
            default:
                throw RuleError(file: file, line: entry.keyPosition.line, ruleID: ruleID, message: "unknown key `\(entry.key)` here")
            }
        }
        guard let formulaEntry else { throw fail(item, "the item has no pattern") }
        let formula: Formula
        if formulaEntry.key == "pattern-inside" {
            formula = Formula(.inside(try self.formula(key: "pattern", formulaEntry.value, python: true)), line: formulaEntry.value.position.line)
        } else {
            formula = try self.formula(key: formulaEntry.key, formulaEntry.value, python: true)
        }
        formula.focus += focus
        return (formula, options)
    }

    private func sideEffect(_ node: ConfigNode) throws(RuleError) -> TaintSpec.SideEffect {
        if case .scalar(let s, _) = node, s.lowercased() == "only" { return .only }
        return try bool(node) ? .yes : .no
    }

    private mutating func readOptions(_ node: ConfigNode) throws(RuleError) {
        guard case .mapping(let entries, _) = node else { throw fail(node, "`options` is a mapping") }
        for entry in entries {
            switch entry.key {
            case "constant_propagation": options.constantPropagation = try bool(entry.value)
            case "symbolic_propagation": options.symbolicPropagation = try bool(entry.value)
            case "commutative_boolop": options.commutativeBooleans = try bool(entry.value)
            // Semgrep Pro's `interfile`: taint follows calls to the functions of the file and of
            // the project's other files; Rampart's `interprocedural`: of the file only.
            case "interfile":
                interfile = try bool(entry.value)
                interprocedural = interprocedural || interfile
            case "interprocedural": interprocedural = try bool(entry.value)
            default: break  // Semgrep's other options tune engines Rampart does not have; they change nothing here.
            }
        }
    }

    private func readMetadata(_ node: ConfigNode, into rule: inout CustomRule) throws(RuleError) {
        guard case .mapping(let entries, _) = node else { throw fail(node, "`metadata` is a mapping") }
        for entry in entries {
            let values = flatten(entry.value)
            switch entry.key.lowercased() {
            case "cwe":
                for v in values {
                    let digits = v.uppercased().hasPrefix("CWE-") ? v.dropFirst(4).prefix { $0.isNumber } : v.prefix { $0.isNumber }
                    if let n = Int(digits) { rule.cwe.append(n) }
                }
            case "owasp":
                for v in values where rule.owasp == nil {
                    rule.owasp = OWASPCategory.allCases.first { v.hasPrefix($0.rawValue) || v.hasPrefix(String($0.rawValue.prefix(3)) + ":2021") }
                }
            case "confidence":
                if let v = values.first, let c = Confidence(parsing: v) { rule.confidence = c }
            case "references", "source-rule-url", "source":
                rule.references += values.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            default:
                if !values.isEmpty { rule.extraMetadata.append((entry.key, values.joined(separator: ", "))) }
            }
        }
    }

    private func flatten(_ node: ConfigNode) -> [String] {
        switch node {
        case .scalar(let s, _): [s]
        case .sequence(let items, _): items.flatMap(flatten)
        default: []
        }
    }

    private func readPaths(_ node: ConfigNode, into rule: inout CustomRule) throws(RuleError) {
        guard case .mapping(let entries, _) = node else { throw fail(node, "`paths` is a mapping with `include` and `exclude`") }
        for entry in entries {
            let globs = try strings(entry.value, key: "paths.\(entry.key)", required: true).compactMap { GlobPattern($0) }
            switch entry.key {
            case "include": rule.include = globs
            case "exclude": rule.exclude = globs
            default: throw RuleError(file: file, line: entry.keyPosition.line, ruleID: ruleID, message: "`paths` takes `include` and `exclude`")
            }
        }
    }

    private func readFixRegex(_ node: ConfigNode) throws(RuleError) -> CustomRule.FixRegex {
        guard case .mapping(let entries, _) = node,
              let regexNode = entries.first(where: { $0.key == "regex" })?.value, case .scalar(let pattern, _) = regexNode,
              let replacementNode = entries.first(where: { $0.key == "replacement" })?.value, case .scalar(let replacement, _) = replacementNode
        else { throw fail(node, "`fix-regex` needs `regex` and `replacement`") }
        var count: Int?
        if let c = entries.first(where: { $0.key == "count" })?.value {
            guard case .scalar(let text, _) = c, let n = Int(text), n > 0 else { throw fail(c, "`count` is a positive number") }
            count = n
        }
        return CustomRule.FixRegex(regex: try regex(pattern, regexNode), replacement: replacement, count: count)
    }

    func regex(_ pattern: String, _ node: ConfigNode, anchored: Bool = false) throws(RuleError) -> ByteRegex {
        do throws(ByteRegex.CompileError) {
            return try ByteRegex(anchored ? "\\A(?:\(pattern))" : pattern, options: anchored ? [] : [.multiline])
        } catch {
            throw fail(node, "the regular expression does not compile: \(error.message)")
        }
    }

    // MARK: Formulas (the classic keys)

    /// A formula from one classic key (`pattern`, `patterns`, …).
    mutating func formula(key: String, _ node: ConfigNode, python: Bool) throws(RuleError) -> Formula {
        let line = node.position.line
        switch key {
        case "pattern":
            return try pattern(node, python: python)
        case "pattern-regex":
            guard case .scalar(let text, _) = node else { throw fail(node, "`pattern-regex` is a string") }
            return Formula(.regex(set.addRegex(try regex(text, node))), line: line)
        case "pattern-either":
            guard case .sequence(let items, _) = node, !items.isEmpty else { throw fail(node, "`pattern-either` is a non-empty list") }
            var alternatives: [Formula] = []
            for item in items { alternatives.append(try listItem(item, python: python, inConjunction: false)) }
            return Formula(.or(alternatives), line: line)
        case "patterns":
            guard case .sequence(let items, _) = node, !items.isEmpty else { throw fail(node, "`patterns` is a non-empty list") }
            var conjuncts: [Formula] = []
            var conditions: [Condition] = []
            var focus: [[String]] = []
            for item in items {
                guard case .mapping(let entries, _) = item, entries.count == 1, let entry = entries.first else {
                    if case .scalar = item { conjuncts.append(try pattern(item, python: python)); continue }
                    throw fail(item, "each item of `patterns` is one operator")
                }
                switch entry.key {
                case "metavariable-regex", "metavariable-pattern", "metavariable-comparison", "metavariable-type":
                    conditions.append(try condition(entry.key, entry.value, python: python))
                case "focus-metavariable":
                    focus.append(try metavariables(entry.value))
                default:
                    conjuncts.append(try listItem(item, python: python, inConjunction: true))
                }
            }
            guard conjuncts.contains(where: { if case .not = $0.kind { false } else { true } }) else {
                throw fail(node, "`patterns` needs at least one positive pattern (`pattern`, `pattern-inside`, `pattern-regex`, `pattern-either` or `patterns`)")
            }
            let formula = Formula(.and(conjuncts), line: line)
            formula.conditions = conditions
            formula.focus = focus
            return formula
        default:
            throw fail(node, "unknown operator `\(key)`")
        }
    }

    /// An item of `patterns` or `pattern-either`.
    private mutating func listItem(_ item: ConfigNode, python: Bool, inConjunction: Bool) throws(RuleError) -> Formula {
        if case .scalar = item { return try pattern(item, python: python) }
        guard case .mapping(let entries, _) = item, entries.count == 1, let entry = entries.first else {
            throw fail(item, "each item is one operator (`pattern`, `pattern-not`, `pattern-inside`, …)")
        }
        let line = entry.value.position.line
        switch entry.key {
        case "pattern", "patterns", "pattern-either", "pattern-regex":
            return try formula(key: entry.key, entry.value, python: python)
        case "pattern-inside":
            return Formula(.inside(try subformula(entry.value, python: python)), line: line)
        case "pattern-not-inside":
            guard inConjunction else { throw fail(entry.value, "`pattern-not-inside` belongs in `patterns`") }
            return Formula(.not(Formula(.inside(try subformula(entry.value, python: python)), line: line)), line: line)
        case "pattern-not":
            guard inConjunction else { throw fail(entry.value, "`pattern-not` belongs in `patterns`") }
            return Formula(.not(try subformula(entry.value, python: python)), line: line)
        case "pattern-not-regex":
            guard inConjunction else { throw fail(entry.value, "`pattern-not-regex` belongs in `patterns`") }
            return Formula(.not(try formula(key: "pattern-regex", entry.value, python: python)), line: line)
        case "metavariable-regex", "metavariable-pattern", "metavariable-comparison", "metavariable-type", "focus-metavariable":
            throw fail(entry.value, "`\(entry.key)` belongs in `patterns`")
        default:
            throw RuleError(file: file, line: entry.keyPosition.line, ruleID: ruleID, message: "unknown operator `\(entry.key)`")
        }
    }

    /// A string pattern, or a nested formula given as a mapping.
    private mutating func subformula(_ node: ConfigNode, python: Bool) throws(RuleError) -> Formula {
        if case .mapping(let entries, _) = node, entries.count == 1, let entry = entries.first {
            return try formula(key: entry.key, entry.value, python: python)
        }
        return try pattern(node, python: python)
    }

    private mutating func pattern(_ node: ConfigNode, python: Bool) throws(RuleError) -> Formula {
        guard case .scalar(let text, _) = node else { throw fail(node, "a pattern is a string") }
        guard python else { throw fail(node, "a rule for `generic`/`regex` takes `pattern-regex` only") }
        do throws(PatternError) {
            return Formula(.pattern(try set.addPattern(text, options: options, topLevel: nested == 0)), line: node.position.line)
        } catch {
            throw fail(node, error.message)
        }
    }

    // MARK: Conditions

    private mutating func condition(_ key: String, _ node: ConfigNode, python: Bool) throws(RuleError) -> Condition {
        guard case .mapping(let entries, _) = node else { throw fail(node, "`\(key)` is a mapping") }
        func value(_ k: String) -> ConfigNode? { entries.first { $0.key == k }?.value }
        switch key {
        case "metavariable-regex":
            let mv = try metavariableName(value("metavariable"), node)
            guard let r = value("regex"), case .scalar(let pattern, _) = r else { throw fail(node, "`metavariable-regex` needs `regex`") }
            var constants = false
            if let c = value("constant-propagation") { constants = try bool(c) }
            return .regex(metavariable: mv, regex: try regex(pattern, r, anchored: true), constantPropagation: constants)
        case "metavariable-comparison":
            guard let c = value("comparison"), case .scalar(let text, _) = c else { throw fail(node, "`metavariable-comparison` needs `comparison`") }
            var strip = false
            if let s = value("strip") { strip = try bool(s) }
            var base: Int?
            if let b = value("base") {
                guard case .scalar(let t, _) = b, let n = Int(t), (2...36).contains(n) else { throw fail(b, "`base` is a number from 2 to 36") }
                base = n
            }
            var mv: String?
            if let m = value("metavariable") { mv = try metavariableName(m, node) }
            do throws(PatternError) {
                return .comparison(try ComparisonExpression(text), metavariable: mv, strip: strip, base: base)
            } catch {
                throw fail(c, error.message)
            }
        case "metavariable-type":
            let mv = try metavariableName(value("metavariable"), node)
            var types: [String] = []
            if let t = value("type"), case .scalar(let s, _) = t { types.append(s) }
            if let t = value("types") { types += try strings(t, key: "types", required: true) }
            guard !types.isEmpty else { throw fail(node, "`metavariable-type` needs `type` or `types`") }
            return .type(metavariable: mv, types: types)
        case "metavariable-pattern":
            let mv = try metavariableName(value("metavariable"), node)
            var language: String?
            if let l = value("language") {
                guard case .scalar(let s, _) = l else { throw fail(l, "`language` is a string") }
                language = s.lowercased()
            }
            let nestedPython = language == nil || ["python", "py", "python3"].contains(language ?? "")
            let formulaKeys = ["pattern", "patterns", "pattern-either", "pattern-regex"].filter { value($0) != nil }
            guard formulaKeys.count == 1, let fk = formulaKeys.first, let fnode = value(fk) else {
                throw fail(node, "`metavariable-pattern` needs one of `pattern`, `patterns`, `pattern-either`, `pattern-regex`")
            }
            if !nestedPython, language != "generic", language != "regex" {
                throw fail(node, "`metavariable-pattern` in language `\(language ?? "")` is not supported (python, generic and regex are)")
            }
            self.nested += 1
            defer { self.nested -= 1 }
            let inner: Formula
            if nestedPython {
                inner = try formula(key: fk, fnode, python: true)
            } else {
                inner = try genericFormula(key: fk, fnode)
            }
            return .pattern(metavariable: mv, language: nestedPython ? nil : language, formula: inner)
        default:
            throw fail(node, "unknown operator `\(key)`")
        }
    }

    /// `generic` patterns inside `metavariable-pattern`: matched on the bound text.
    private mutating func genericFormula(key: String, _ node: ConfigNode) throws(RuleError) -> Formula {
        let line = node.position.line
        switch key {
        case "pattern":
            guard case .scalar(let text, _) = node else { throw fail(node, "a pattern is a string") }
            return Formula(.regex(set.addRegex(try GenericPattern.regex(text, loader: self, node: node))), line: line)
        case "pattern-regex":
            return try formula(key: key, node, python: false)
        case "pattern-either", "patterns":
            guard case .sequence(let items, _) = node, !items.isEmpty else { throw fail(node, "`\(key)` is a non-empty list") }
            var parts: [Formula] = []
            var conditions: [Condition] = []
            for item in items {
                guard case .mapping(let entries, _) = item, entries.count == 1, let entry = entries.first else { throw fail(item, "each item is one operator") }
                switch entry.key {
                case "pattern", "pattern-regex", "pattern-either", "patterns": parts.append(try genericFormula(key: entry.key, entry.value))
                case "pattern-not": parts.append(Formula(.not(try genericFormula(key: "pattern", entry.value)), line: entry.value.position.line))
                case "pattern-not-regex": parts.append(Formula(.not(try formula(key: "pattern-regex", entry.value, python: false)), line: entry.value.position.line))
                case "pattern-inside": parts.append(Formula(.inside(try genericFormula(key: "pattern", entry.value)), line: entry.value.position.line))
                case "metavariable-regex", "metavariable-comparison": conditions.append(try condition(entry.key, entry.value, python: false))
                default: throw fail(entry.value, "`\(entry.key)` is not supported in a generic `metavariable-pattern`")
                }
            }
            let f = Formula(key == "patterns" ? .and(parts) : .or(parts), line: line)
            f.conditions = conditions
            return f
        default:
            throw fail(node, "unknown operator `\(key)`")
        }
    }

    // MARK: The `match:` syntax

    mutating func newFormula(_ node: ConfigNode) throws(RuleError) -> Formula {
        let line = node.position.line
        if case .scalar = node { return try pattern(node, python: true) }
        guard case .mapping(let entries, _) = node else { throw fail(node, "a `match` formula is a pattern string or a mapping") }
        var kinds: [Formula] = []
        var conditions: [Condition] = []
        var focus: [[String]] = []
        for entry in entries {
            switch entry.key {
            case "pattern": kinds.append(try pattern(entry.value, python: true))
            case "regex": kinds.append(try formula(key: "pattern-regex", entry.value, python: true))
            case "all", "any":
                guard case .sequence(let items, _) = entry.value, !items.isEmpty else { throw fail(entry.value, "`\(entry.key)` is a non-empty list") }
                var parts: [Formula] = []
                for item in items { parts.append(try newFormula(item)) }
                kinds.append(Formula(entry.key == "all" ? .and(parts) : .or(parts), line: entry.value.position.line))
            case "not": kinds.append(Formula(.not(try newFormula(entry.value)), line: entry.value.position.line))
            case "inside": kinds.append(Formula(.inside(try newFormula(entry.value)), line: entry.value.position.line))
            case "anywhere": kinds.append(Formula(.anywhere(try newFormula(entry.value)), line: entry.value.position.line))
            case "where":
                guard case .sequence(let items, _) = entry.value else { throw fail(entry.value, "`where` is a list") }
                for item in items {
                    guard case .mapping(let cond, _) = item else { throw fail(item, "each `where` item is a mapping") }
                    let keys = Set(cond.map(\.key))
                    if keys.contains("focus") {
                        focus.append(try metavariables(cond.first { $0.key == "focus" }!.value))
                    } else if keys.contains("comparison") {
                        conditions.append(try condition("metavariable-comparison", item, python: true))
                    } else if keys.contains("regex") {
                        conditions.append(try condition("metavariable-regex", item, python: true))
                    } else if keys.contains("type") || keys.contains("types") {
                        conditions.append(try condition("metavariable-type", item, python: true))
                    } else if keys.contains("metavariable") {
                        conditions.append(try newMetavariablePattern(item))
                    } else {
                        throw fail(item, "unknown `where` condition")
                    }
                }
            case "as", "fix":
                break
            default:
                throw RuleError(file: file, line: entry.keyPosition.line, ruleID: ruleID, message: "unknown operator `\(entry.key)`")
            }
        }
        guard kinds.count == 1, let kind = kinds.first else { throw fail(node, "a `match` formula has one of `pattern`, `regex`, `all`, `any`, `not`, `inside`") }
        if conditions.isEmpty && focus.isEmpty { return kind }
        if case .and = kind.kind {
            kind.conditions += conditions
            kind.focus += focus
            return kind
        }
        let wrapped = Formula(.and([kind]), line: line)
        wrapped.conditions = conditions
        wrapped.focus = focus
        return wrapped
    }

    /// `where: - metavariable: $X` with a nested formula (`pattern`, `all`, …).
    private mutating func newMetavariablePattern(_ item: ConfigNode) throws(RuleError) -> Condition {
        guard case .mapping(let entries, let position) = item else { throw fail(item, "a mapping") }
        let mv = try metavariableName(entries.first { $0.key == "metavariable" }?.value, item)
        let language = entries.first { $0.key == "language" }.flatMap { entry -> String? in
            if case .scalar(let s, _) = entry.value { return s.lowercased() }
            return nil
        }
        let rest = entries.filter { $0.key != "metavariable" && $0.key != "language" }
        self.nested += 1
        defer { self.nested -= 1 }
        return .pattern(metavariable: mv, language: language, formula: try newFormula(.mapping(rest, position)))
    }

    // MARK: Scalars

    private func metavariableName(_ node: ConfigNode?, _ parent: ConfigNode) throws(RuleError) -> String {
        guard let node, case .scalar(let name, _) = node else { throw fail(parent, "`metavariable` is missing") }
        guard PatternText.isMetavariable(name[...]) || name.hasPrefix("$...") else { throw fail(node, "`\(name)` is not a metavariable") }
        return name
    }

    private func metavariables(_ node: ConfigNode) throws(RuleError) -> [String] {
        switch node {
        case .scalar(let s, _):
            guard PatternText.isMetavariable(s[...]) || s.hasPrefix("$...") else { throw fail(node, "`\(s)` is not a metavariable") }
            return [s]
        case .sequence(let items, _):
            var out: [String] = []
            for item in items { out += try metavariables(item) }
            return out
        default:
            throw fail(node, "`focus-metavariable` is a metavariable or a list of them")
        }
    }

    private func strings(_ node: ConfigNode?, key: String, required: Bool) throws(RuleError) -> [String] {
        guard let node else {
            if required { throw RuleError(file: file, line: 1, ruleID: ruleID, message: "`\(key)` is missing") }
            return []
        }
        switch node {
        case .scalar(let s, _): return [s]
        case .sequence(let items, _):
            var out: [String] = []
            for item in items {
                guard case .scalar(let s, _) = item else { throw fail(item, "`\(key)` is a list of strings") }
                out.append(s)
            }
            return out
        default: throw fail(node, "`\(key)` is a list of strings")
        }
    }

    private func bool(_ node: ConfigNode) throws(RuleError) -> Bool {
        guard case .scalar(let s, _) = node else { throw fail(node, "expected true or false") }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(node, "expected true or false")
        }
    }
}
