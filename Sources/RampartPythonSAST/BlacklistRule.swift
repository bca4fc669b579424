import PythonSyntax
import RampartCore

/// Bandit's blacklists: calls (B3xx) and imports (B4xx) of known-dangerous APIs, matched by
/// qualified name. A node reports at most one entry, the first in id order, as in Bandit.
public protocol BlacklistRule: PythonRule {
    static var kind: BlacklistKind { get }
    /// Call names compared exactly; import names compared as prefixes (as Bandit does).
    static var qualnames: [String] { get }
    /// The message, with `{name}` standing for what matched.
    static var message: String { get }
}

public enum BlacklistKind: Sendable {
    case call, importName
}

extension BlacklistRule {
    public static var nodeKinds: Set<PythonNodeKind> {
        kind == .call ? [.call] : [.importStatement, .importFrom, .call]
    }

    /// Blacklists are run centrally by `Blacklists`, so that only the first match reports.
    public static func check(_ context: PythonRuleContext) -> RuleHit? { nil }

    static func hit(_ name: String) -> RuleHit {
        RuleHit(metadata.severity, .high, message.replacingOccurrences(of: "{name}", with: name))
    }
}

enum Blacklists {
    /// The blacklist entry a call matches: call entries first, then import entries for
    /// `__import__('x')` and `importlib.import_module('x')`.
    /// Call names to the first rule (calls, then imports, in id order) that lists them.
    static func callIndex(calls: [any BlacklistRule.Type], imports: [any BlacklistRule.Type]) -> [String: any BlacklistRule.Type] {
        var index: [String: any BlacklistRule.Type] = [:]
        for rule in calls + imports {
            for name in rule.qualnames where index[name] == nil { index[name] = rule }
        }
        return index
    }

    static func checkCall(_ context: PythonRuleContext, index: [String: any BlacklistRule.Type]) -> ((any BlacklistRule.Type), RuleHit)? {
        guard let call = context.call, let function = call.callee else { return nil }
        var name: String? = context.qualname
        if case .name("__import__", _) = function.kind {
            if let first = call.callArguments.first {
                name = first.stringValue ?? "UNKNOWN"
            } else {
                name = ""
            }
        } else if name == "importlib.import_module" || name == "importlib.__import__" {
            if !call.callArguments.isEmpty {
                name = context.argument(at: 0)?.string
            } else {
                name = context.keyword("name").flatMap { BanditLiteral.ofArgument($0)?.string }
            }
        }
        guard let name else { return nil }
        guard let rule = index[name] else { return nil }
        return (rule, rule.hit(name))
    }

    /// The first import blacklist entry that any imported name starts with.
    static func checkImport(_ context: PythonRuleContext, imports: [any BlacklistRule.Type]) -> ((any BlacklistRule.Type), RuleHit)? {
        let prefix: String
        let names: [Alias]
        switch context.node {
        case .importStatement(_, let aliases):
            prefix = ""
            names = aliases
        case .importFrom(_, let module, let aliases):
            prefix = module.map { $0 + "." } ?? ""
            names = aliases
        default:
            return nil
        }
        let compatible = context.options.banditCompatible
        for rule in imports {
            for alias in names {
                let imported = prefix + alias.name
                for qualname in rule.qualnames where matches(imported, qualname, bandit: compatible) {
                    return (rule, rule.hit(alias.name))
                }
            }
        }
        return nil
    }

    /// Bandit compares import names as text prefixes, so `pickletools` counts as `pickle`;
    /// Rampart compares whole module names unless asked to behave like Bandit.
    static func matches(_ imported: String, _ qualname: String, bandit: Bool) -> Bool {
        if bandit { return imported.hasPrefix(qualname) }
        return imported == qualname || imported.hasPrefix(qualname + ".")
    }
}
