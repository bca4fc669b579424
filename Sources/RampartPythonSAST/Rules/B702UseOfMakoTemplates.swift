import RampartCore

/// B702 (use_of_mako_templates): Mako renders without escaping by default.
enum B702UseOfMakoTemplates: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B702", "use_of_mako_templates", title: "Mako templates", severity: .medium, confidence: .high, cwe: 80, owasp: .a03,
        documentation: """
        ## What it does
        Flags `mako.template.Template(...)`.

        ## Why is this bad?
        Mako does not escape HTML by default; every `${value}` from input is a cross-site scripting risk.

        ## What to do instead
        Escape with the `h` filter (`${ data |h }`) or set `default_filters=['h']`; or use a template engine that escapes by default.

        ## References
        - [CWE-80](https://cwe.mitre.org/data/definitions/80.html)
        """,
        examples: [.triggers("from mako.template import Template\nt = Template(text)\n"), .passes("from string import Template\nt = Template(text)\n")]
    )

    static let callLastNames: Set<String>? = ["Template"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let parts = context.qualnameParts
        guard parts.contains("mako"), parts.last == "Template" else { return nil }
        return RuleHit(.medium, .high, "Mako templates allow HTML/JS rendering by default and are inherently open to XSS attacks. Ensure variables in all templates are properly sanitized via the 'n', 'h' or 'x' flags (depending on context).")
    }
}
