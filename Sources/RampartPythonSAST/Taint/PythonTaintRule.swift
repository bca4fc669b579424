import RampartCore
import RampartCustomRules

/// A built-in taint rule: a type with its metadata and its specification (sources, sinks,
/// sanitizers) in Semgrep's taint format, run by the custom-rule engine across the file's
/// functions. Sources are usually the web framework models of `TaintModels`.
public protocol PythonTaintRule: Rule {
    static var sources: [TaintPattern] { get }
    static var sinks: [TaintPattern] { get }
    static var sanitizers: [TaintPattern] { get }
    /// The finding's message.
    static var message: String { get }
    /// Bandit's checks that flag the same sinks as dangerous calls: a flow found at one of their
    /// findings confirms it.
    static var confirms: [String] { get }
    /// Whether flows are followed into the project's other files (`interfile`), or only the
    /// file's own functions (`interprocedural`: for rules whose flows stay short and local).
    static var acrossFiles: Bool { get }
}

extension PythonTaintRule {
    public static var sanitizers: [TaintPattern] { [] }
    public static var confirms: [String] { [] }
    public static var acrossFiles: Bool { true }
}

/// Bandit's findings and the taint rules' flows at the same place: the flow confirms the
/// finding (its confidence becomes high, and each names the other); with `taint_only`, the
/// findings of checks a taint rule covers are kept only where confirmed.
enum TaintConfirmation {
    static func apply(_ flows: [Finding], to findings: [Finding], taintOnly: Bool) -> [Finding] {
        var findings = findings
        var flows = flows
        var covered: Set<String> = []
        for rule in PythonTaintRules.all { covered.formUnion(rule.confirms) }
        var confirmed = Set<Int>()
        var byPath: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            if case .source(let place) = finding.location { byPath[place.path, default: []].append(index) }
        }
        for (f, flow) in flows.enumerated() {
            guard let rule = PythonTaintRules.rule(named: flow.ruleId.code), case .source(let sink) = flow.location else { continue }
            for index in byPath[sink.path] ?? [] where rule.confirms.contains(findings[index].ruleId.code) {
                guard case .source(let place) = findings[index].location, place.line <= sink.endLine, sink.line <= place.endLine else { continue }
                let finding = findings[index]
                confirmed.insert(index)
                findings[index].confidence = .high
                findings[index].tags.append("confirmed-by:" + flow.ruleId.rawValue)
                flows[f].tags.append("confirms:" + finding.ruleId.rawValue)
            }
        }
        if taintOnly {
            findings = findings.enumerated().filter { index, finding in
                finding.ruleId.scanner != "python" || !covered.contains(finding.ruleId.code) || confirmed.contains(index)
            }.map(\.element)
        }
        return findings + flows
    }
}

/// One source, sink or sanitizer of a built-in rule, written as Semgrep's YAML would say it.
public enum TaintPattern: Sendable {
    /// `pattern:`
    case pattern(String)
    /// A pattern whose metavariable is what counts (`focus-metavariable`), optionally inside
    /// another pattern and not where other patterns match.
    case focus(String, on: String, inside: [String] = [], not: [String] = [], regex: [String: String] = [:])
    /// A check (Rampart's `by-guard`): the metavariable is clean where the check has `outcome`.
    case check(String, on: String, outcome: Bool, regex: [String: String] = [:])
    /// A pattern, except where others match (`pattern-not`).
    case except(String, not: [String])
    /// A pattern whose metavariables' text matches regular expressions (`metavariable-regex`).
    case matching(String, regex: [String: String])
    /// A source that taints the variable its metavariable matches from there on
    /// (`by-side-effect`): `random.shuffle(items)` makes `items` random.
    case sideEffect(String, on: String)

    /// The YAML list item (block scalars, so patterns need no quoting).
    var yaml: String {
        listItem(body).joined(separator: "\n")
    }

    private var body: [String] {
        switch self {
        case .pattern(let p):
            return Self.scalar("pattern", p)
        case .focus(let p, let mv, let inside, let not, let regex):
            let items = inside.map { Self.scalar("pattern-inside", $0) } + [Self.scalar("pattern", p)]
                + not.map { Self.scalar("pattern-not", $0) } + Self.regexConditions(regex) + [["focus-metavariable: \(mv)"]]
            return ["patterns:"] + items.flatMap { listItem($0).map { "  " + $0 } }
        case .check(let p, let mv, let outcome, let regex):
            let items = [Self.scalar("pattern", p)] + Self.regexConditions(regex) + [["focus-metavariable: \(mv)"]]
            return ["by-guard: \(outcome)", "patterns:"] + items.flatMap { listItem($0).map { "  " + $0 } }
        case .matching(let p, let regex):
            let items = [Self.scalar("pattern", p)] + Self.regexConditions(regex)
            return ["patterns:"] + items.flatMap { listItem($0).map { "  " + $0 } }
        case .except(let p, let not):
            let items = [Self.scalar("pattern", p)] + not.map { Self.scalar("pattern-not", $0) }
            return ["patterns:"] + items.flatMap { listItem($0).map { "  " + $0 } }
        case .sideEffect(let p, let mv):
            let items = [Self.scalar("pattern", p), ["focus-metavariable: \(mv)"]]
            return ["by-side-effect: true", "patterns:"] + items.flatMap { listItem($0).map { "  " + $0 } }
        }
    }

    private func listItem(_ lines: [String]) -> [String] {
        lines.enumerated().map { $0.offset == 0 ? "- " + $0.element : "  " + $0.element }
    }

    /// `metavariable-regex` items, in a stable order (regexes single-quoted: no escapes).
    private static func regexConditions(_ regex: [String: String]) -> [[String]] {
        regex.sorted { $0.key < $1.key }.map { variable, expression in
            ["metavariable-regex:", "  metavariable: \(variable)", "  regex: '\(expression.replacingOccurrences(of: "'", with: "''"))'"]
        }
    }

    private static func scalar(_ key: String, _ text: String) -> [String] {
        ["\(key): |"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
}

extension RuleMetadata {
    /// Metadata for a built-in taint rule: id `python/taint-<name>`, high confidence (a flow
    /// from a source was found, not a dangerous-looking call).
    /// `confirming`: the Bandit checks a flow of the rule confirms, also names of the rule (so
    /// `# nosec B324` and Ruff's `# noqa: S324` on a line silence both).
    static func taint(
        _ name: String, confirming: [String], title: String, severity: Severity, cwe: Int, owasp: OWASPCategory?,
        documentation: String, examples: [RuleExample]
    ) -> RuleMetadata {
        RuleMetadata(
            id: RuleID(scanner: "python", code: "taint-" + name), aliases: confirming, title: title, severity: severity,
            confidence: .high, cwe: [cwe], owasp: owasp, tags: ["taint"], documentation: documentation, examples: examples
        )
    }
}

/// Every built-in taint rule, compiled once into one rule set.
public enum PythonTaintRules {
    public static let all: [any PythonTaintRule.Type] = [
        TaintCodeInjection.self, TaintCommandInjection.self, TaintDeserialization.self, TaintHeaderInjection.self,
        TaintInsecureCookie.self, TaintLDAPInjection.self, TaintOpenRedirect.self, TaintPathTraversal.self,
        TaintSQLInjection.self, TaintSSRF.self, TaintTrustBoundary.self, TaintWeakHash.self, TaintWeakRandom.self,
        TaintXPathInjection.self, TaintXSS.self, TaintXXE.self,
    ]

    /// The rules in Semgrep's format, as the engine reads them. `semgrepCompatible` leaves out
    /// what Semgrep does not read (guards, `by-guard`), for running the same rules there.
    public static func yaml(_ rules: [any PythonTaintRule.Type] = all, semgrepCompatible: Bool = false) -> String {
        var out = "rules:\n"
        for rule in rules {
            out += "- id: \(rule.metadata.id.code)\n"
            out += "  mode: taint\n  languages: [python]\n  severity: \(rule.metadata.severity.rawValue.uppercased())\n"
            out += "  message: \"\(rule.message.replacingOccurrences(of: "\"", with: "'"))\"\n"
            out += rule.acrossFiles ? "  options:\n    interfile: true\n" : "  options:\n    interprocedural: true\n"
            func section(_ key: String, _ all: [TaintPattern]) {
                let items = all.filter { item in
                    if semgrepCompatible, case .check = item { return false }
                    return true
                }
                guard !items.isEmpty else { return }
                out += "  \(key):\n"
                for item in items {
                    out += item.yaml.split(separator: "\n", omittingEmptySubsequences: true).map { "    " + $0 }.joined(separator: "\n") + "\n"
                }
            }
            section("pattern-sources", rule.sources)
            section("pattern-sinks", rule.sinks)
            section("pattern-sanitizers", rule.sanitizers)
        }
        return out
    }

    /// The compiled rules (rule index i is `all[i]`); its errors are a defect a test catches.
    public static let ruleSet: RuleSet = {
        let set = RuleSet()
        set.add(yaml: yaml(), file: "built-in taint rules")
        set.finish()
        return set
    }()

    /// The built-in rule behind a rule of `ruleSet`.
    static func rule(named code: String) -> (any PythonTaintRule.Type)? {
        all.first { $0.metadata.id.code == code }
    }
}
