import RampartCore

/// B308 (mark_safe): Django mark_safe.
enum B308MarkSafeCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "django.utils.safestring.mark_safe",
    ]
    static let message = "`{name}` turns off Django's HTML escaping for a string; with user input that is cross-site scripting."
    static let metadata = RuleMetadata.bandit(
        "B308", "mark_safe", title: "Django mark_safe", severity: .medium, confidence: .high, cwe: 79, owasp: .a03,
        documentation: "## What it does\nFlags calls to `django.utils.safestring.mark_safe`.\n\n## Why is this bad?\n`the call` turns off Django's HTML escaping for a string; with user input that is cross-site scripting.\n\n## What to do instead\nBuild HTML with `format_html()` or templates, which escape their arguments.\n\n## References\n- [CWE-79](https://cwe.mitre.org/data/definitions/79.html)\n",
        examples: [.triggers("from django.utils.safestring import mark_safe\nhtml = mark_safe(text)\n"), .passes("from django.utils.html import format_html\nhtml = format_html('<b>{}</b>', text)\n")]
    )
}
