import PythonSyntax
import RampartCore

/// B107 (hardcoded_password_default): a password-like parameter with a string default.
enum B107HardcodedPasswordDefault: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.functionDef]
    static let metadata = RuleMetadata.bandit(
        "B107", "hardcoded_password_default", title: "Hard-coded password default", severity: .low, confidence: .medium, cwe: 259, owasp: .a07,
        tags: ["secret"],
        documentation: """
        ## What it does
        Flags function parameters with password-like names whose default is a string: `def connect(password="admin")`.

        ## Why is this bad?
        Callers that forget the argument silently use a password everyone can read in the code.

        ## What to do instead
        Make the parameter required, or default to `None` and fail when it is missing.

        ## References
        - [CWE-259](https://cwe.mitre.org/data/definitions/259.html)
        """,
        examples: [.triggers("def connect(host, password='admin'):\n    pass\n"), .passes("def connect(host, password=None):\n    pass\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .functionDef(_, let function) = context.node else { return nil }
        let args = function.args.args
        let defaults = function.args.defaults
        let offset = args.count - defaults.count
        for (index, arg) in args.enumerated() where index >= offset {
            if let secret = defaults[index - offset].stringValue, HardcodedPassword.isCandidate(arg.arg) {
                return HardcodedPassword.hit(secret)
            }
        }
        return nil
    }
}
