import PythonSyntax
import RampartCore

/// B701 (jinja2_autoescape_false): Jinja2 environments that do not escape HTML.
enum B701Jinja2AutoescapeFalse: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B701", "jinja2_autoescape_false", title: "Jinja2 without autoescape", severity: .high, confidence: .high, cwe: 94, owasp: .a03,
        documentation: """
        ## What it does
        Flags `jinja2.Environment()` without autoescaping: `autoescape=False`, missing (the default is off), or a value that is not `True` or `select_autoescape(...)` (medium confidence).

        ## Why is this bad?
        Values rendered into HTML without escaping let input inject script into the page (cross-site scripting).

        ## What to do instead
        `Environment(autoescape=select_autoescape(["html", "xml"]))`.

        ## References
        - [CWE-94](https://cwe.mitre.org/data/definitions/94.html)
        """,
        examples: [
            .triggers("import jinja2\nenv = jinja2.Environment(loader=loader)\n"),
            .triggers("import jinja2\nenv = jinja2.Environment(autoescape=False)\n"),
            .passes("import jinja2\nenv = jinja2.Environment(autoescape=jinja2.select_autoescape())\n"),
        ]
    )

    static let callLastNames: Set<String>? = ["Environment"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let parts = context.qualnameParts
        guard parts.contains("jinja2"), parts.last == "Environment", let call = context.call else { return nil }
        // `ast.walk` order: breadth first through the call, keywords of nested calls included.
        var queue: [SyntaxNode] = [.expression(call)]
        var index = 0
        while index < queue.count {
            let node = queue[index]
            index += 1
            if case .keyword(let keyword) = node, keyword.arg == "autoescape" {
                let value = keyword.value
                if case .constant(.bool(false), _) = value.kind {
                    return RuleHit(.high, .high, "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Use autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.")
                }
                if case .constant(.bool(true), _) = value.kind { return nil }
                if case .call(let function, _, _) = value.kind {
                    if case .attribute(_, "select_autoescape", _) = function.kind { return nil }
                    if case .name("select_autoescape", _) = function.kind { return nil }
                }
                return RuleHit(.high, .medium, "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Ensure autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.")
            }
            queue += node.children
        }
        return RuleHit(.high, .high, "By default, jinja2 sets autoescape to False. Consider using autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.")
    }
}
