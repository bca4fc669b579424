import RampartCore

/// B611 (django_rawsql_used): `RawSQL()` with non-literal SQL.
enum B611DjangoRawSQLUsed: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B611", "django_rawsql_used", title: "Django RawSQL with non-literal SQL", severity: .medium, confidence: .medium, cwe: 89, owasp: .a03,
        documentation: """
        ## What it does
        Flags `RawSQL(sql, …)` where `sql` is not a string literal, in modules that import `django.db.models`.

        ## Why is this bad?
        SQL text built from input is SQL injection.

        ## What to do instead
        Keep the SQL literal and pass values as `params`.

        ## References
        - [CWE-89](https://cwe.mitre.org/data/definitions/89.html)
        """,
        examples: [.triggers("from django.db.models.expressions import RawSQL\nqs.annotate(v=RawSQL('select ' + col, ()))\n"), .passes("from django.db.models.expressions import RawSQL\nqs.annotate(v=RawSQL('select a from t where b = %s', (b,)))\n")]
    )

    static let callLastNames: Set<String>? = ["RawSQL"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("django.db.models"), context.name == "RawSQL" else { return nil }
        guard let sql = context.callArguments.first ?? context.keyword("sql") else { return nil }
        return sql.stringValue == nil ? RuleHit(.medium, .medium, "Use of RawSQL potential SQL attack vector.") : nil
    }
}
