import RampartCore

/// Predictable random numbers (CWE-330): a taint rule.
public enum TaintWeakRandom: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "weak-random", confirming: confirms, title: "Predictable random numbers", severity: .medium, cwe: 330, owasp: .a02,
        documentation: """
        ## What it does
        Finds values of the `random` module (`random.random()`, `randint`, `choice`, `getrandbits`, `shuffle`, …) that reach a place where they must be unpredictable: what a web view returns or sets in a cookie or the session, a variable or attribute named for a secret (`token`, `password`, `nonce`, `salt`, `api_key`, …), the return value of a function that makes one (`make_token`, `generate_password`). It follows them through variables, containers, branches and calls: one that only a branch never taken would give is not reported. `random.SystemRandom` and `secrets` are not reported, nor random picks for anything else (a shuffled page, a temporary name): Bandit's B311 reports every use.

        ## Why is this bad?
        `random` is a Mersenne Twister: after 624 outputs an observer predicts all the others. Tokens, passwords, session ids and nonces made with it can be guessed.

        ## What to do instead
        Use `secrets` (`secrets.token_urlsafe()`, `secrets.randbelow()`) or `random.SystemRandom()` for anything an attacker must not guess.

        ## References
        - [CWE-330](https://cwe.mitre.org/data/definitions/330.html)
        """,
        examples: [
            .triggers("import random\ndef reset_token():\n    return str(random.getrandbits(64))\n"),
            .triggers("import random\ndef invite(user):\n    user.invite_token = '%x' % random.getrandbits(64)\n"),
            .passes("import secrets\ndef reset_token():\n    return secrets.token_urlsafe(16)\n"),
            .passes("import random, secrets\ndef reset_token():\n    value = random.getrandbits(64) if 2 + 2 == 5 else secrets.randbits(64)\n    return str(value)\n"),
            .passes("import random\ndef featured(items):\n    return random.choice(items)\n"),
        ]
    )

    /// A weak value's way to where it matters stays in its file (a helper making a token).
    public static let acrossFiles = false

    public static let confirms = ["B311"]

    public static let message = "Values from the predictable `random` module are used where they may need to be secret"

    public static let sources: [TaintPattern] = [
        .except("random.$FUNCTION(...)", not: ["random.SystemRandom(...)", "random.seed(...)", "random.Random(...)", "random.SystemRandom().$F(...)", "random.shuffle(...)"]),
        .sideEffect("random.shuffle($ITEMS, ...)", on: "$ITEMS"),
    ]

    public static let sinks: [TaintPattern] = TaintModels.securityUses

    public static let sanitizers: [TaintPattern] = TaintModels.cachedValues
}
