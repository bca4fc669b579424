import RampartCore

/// B302 (marshal): Deserialisation with marshal.
enum B302MarshalCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "marshal.load",
        "marshal.loads",
    ]
    static let message = "`{name}` is not safe on untrusted data: malformed input can crash the interpreter or build unexpected code objects."
    static let metadata = RuleMetadata.bandit(
        "B302", "marshal", title: "Deserialisation with marshal", severity: .medium, confidence: .high, cwe: 502, owasp: .a08,
        documentation: "## What it does\nFlags calls to `marshal.load`, `marshal.loads`.\n\n## Why is this bad?\n`the call` is not safe on untrusted data: malformed input can crash the interpreter or build unexpected code objects.\n\n## What to do instead\nUse JSON for data you receive; keep marshal for data you wrote yourself.\n\n## References\n- [CWE-502](https://cwe.mitre.org/data/definitions/502.html)\n",
        examples: [.triggers("import marshal\ncode = marshal.loads(blob)\n"), .passes("import json\ndata = json.loads(blob)\n")]
    )
}
