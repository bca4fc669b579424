import PythonSyntax
import RampartCore

/// B610 (django_extra_used): `QuerySet.extra()` with SQL that is not a literal.
enum B610DjangoExtraUsed: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B610", "django_extra_used", title: "Django extra() with non-literal SQL", severity: .medium, confidence: .medium, cwe: 89, owasp: .a03,
        documentation: """
        ## What it does
        Flags `extra()` calls whose `where`, `tables` or `select` parts are not string literals.

        ## Why is this bad?
        `extra()` pastes its arguments into the SQL: values built from input are SQL injection.

        ## What to do instead
        Use the ORM (`filter`, `annotate`, `F`, `Func`), or `params=` for values.

        ## References
        - [CWE-89](https://cwe.mitre.org/data/definitions/89.html)
        """,
        examples: [.triggers("qs = User.objects.extra(where=['name = ' + name])\n"), .passes("qs = User.objects.extra(where=['name = %s'], params=[name])\n")]
    )

    static let callLastNames: Set<String>? = ["extra"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.name == "extra" else { return nil }
        var parts: [String: Expr] = [:]
        for (name, value) in context.callKeywords { parts[name] = value }
        for (index, name) in ["select", "where", "params", "tables", "order_by", "select_params"].enumerated() where index < context.callArguments.count {
            parts[name] = context.callArguments[index]
        }
        func isLiteralString(_ e: Expr?) -> Bool { e?.stringValue != nil }
        var insecure = false
        for key in ["where", "tables"] {
            guard let value = parts[key] else { continue }
            if case .list(let elts, _) = value.kind {
                if elts.contains(where: { !isLiteralString($0) }) { insecure = true; break }
            } else {
                insecure = true
                break
            }
        }
        if !insecure, let select = parts["select"] {
            if case .dict(let keys, let values) = select.kind {
                insecure = keys.contains { !isLiteralString($0) } || values.contains { !isLiteralString($0) }
            } else {
                insecure = true
            }
        }
        return insecure ? RuleHit(.medium, .medium, "Use of extra potential SQL attack vector.") : nil
    }
}
