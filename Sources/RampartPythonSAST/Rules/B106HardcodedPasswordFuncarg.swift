import PythonSyntax
import RampartCore

/// B106 (hardcoded_password_funcarg): a string passed as a password-like keyword argument.
enum B106HardcodedPasswordFuncarg: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B106", "hardcoded_password_funcarg", title: "Hard-coded password argument", severity: .low, confidence: .medium, cwe: 259, owasp: .a07,
        tags: ["secret"],
        documentation: """
        ## What it does
        Flags string literals passed as keyword arguments with password-like names: `connect(password="…")`, `Client(api_token="…")`.

        ## Why is this bad?
        The credential lives in the source code and in every copy of it.

        ## What to do instead
        Pass a value read from the environment or a secrets manager.

        ## References
        - [CWE-259](https://cwe.mitre.org/data/definitions/259.html)
        """,
        examples: [.triggers("db.connect(user='app', password='hunter2')\n"), .passes("db.connect(user='app', password=os.environ['DB_PASSWORD'])\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        for (name, value) in context.callKeywords {
            if let secret = value.stringValue, HardcodedPassword.isCandidate(name) {
                return HardcodedPassword.hit(secret, line: value.span.start.line)
            }
        }
        return nil
    }
}
