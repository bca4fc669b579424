import RampartCore

/// B311 (random): Pseudo-random generator used where security may need randomness.
enum B311RandomCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "random.Random",
        "random.random",
        "random.randrange",
        "random.randint",
        "random.choice",
        "random.choices",
        "random.uniform",
        "random.triangular",
        "random.randbytes",
        "random.sample",
        "random.randrange",
        "random.getrandbits",
    ]
    static let message = "`{name}` is predictable; it must not make tokens, passwords or keys."
    static let metadata = RuleMetadata.bandit(
        "B311", "random", title: "Pseudo-random generator used where security may need randomness", severity: .low, confidence: .high, cwe: 330, owasp: .a02,
        documentation: "## What it does\nFlags calls to `random.Random`, `random.random`, `random.randrange`, `random.randint`, `random.choice`, `random.choices` and more.\n\n## Why is this bad?\n`the call` is predictable; it must not make tokens, passwords or keys.\n\n## What to do instead\nUse the `secrets` module (`secrets.token_urlsafe()`, `secrets.choice()`) for anything secret.\n\n## References\n- [CWE-330](https://cwe.mitre.org/data/definitions/330.html)\n",
        examples: [.triggers("import random\ntoken = random.randint(0, 10**6)\n"), .passes("import secrets\ntoken = secrets.randbelow(10**6)\n")]
    )
}
