import PythonSyntax
import RampartCore

/// B704 (markupsafe_markup_xss): `Markup()` around something that is not a literal.
enum B704MarkupsafeMarkupXSS: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["markupsafe.Markup", "flask.Markup"]
    static let metadata = RuleMetadata.bandit(
        "B704", "markupsafe_markup_xss", title: "markupsafe.Markup on non-literal data", severity: .medium, confidence: .high, cwe: 79, owasp: .a03,
        documentation: """
        ## What it does
        Flags `markupsafe.Markup(…)` and `flask.Markup(…)` whose argument is not a literal.

        ## Why is this bad?
        `Markup` declares its text safe HTML: input wrapped in it is rendered unescaped (cross-site scripting).

        ## What to do instead
        `Markup.escape(value)`, or `Markup("<b>{}</b>").format(value)`, which escapes the value.

        ## References
        - [CWE-79](https://cwe.mitre.org/data/definitions/79.html)
        """,
        examples: [.triggers("from markupsafe import Markup\nhtml = Markup(user_bio)\n"), .passes("from markupsafe import Markup\nhtml = Markup('<b>safe</b>')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.qualname == "markupsafe.Markup" || context.qualname == "flask.Markup", let first = context.callArguments.first else { return nil }
        if case .constant = first.kind { return nil }
        return RuleHit(.medium, .high, "Potential XSS with ``\(context.qualname)`` detected. Do not use ``\(context.name)`` on untrusted data.")
    }
}
