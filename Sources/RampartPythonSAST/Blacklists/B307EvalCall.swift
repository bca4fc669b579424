import RampartCore

/// B307 (eval): Use of eval.
enum B307EvalCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "eval",
    ]
    static let message = "`eval` runs any Python expression it is given; with untrusted input that is code execution."
    static let metadata = RuleMetadata.bandit(
        "B307", "eval", title: "Use of eval", severity: .medium, confidence: .high, cwe: 78, owasp: .a03,
        documentation: "## What it does\nFlags calls to `eval`.\n\n## Why is this bad?\n`eval` runs any Python expression it is given; with untrusted input that is code execution.\n\n## What to do instead\nUse `ast.literal_eval()` for literals, or parse the input explicitly.\n\n## References\n- [CWE-78](https://cwe.mitre.org/data/definitions/78.html)\n",
        examples: [.triggers("result = eval(user_input)\n"), .passes("import ast\nresult = ast.literal_eval(user_input)\n")]
    )
}
