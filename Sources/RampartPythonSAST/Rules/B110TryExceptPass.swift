import PythonSyntax
import RampartCore

/// B110 (try_except_pass): an exception swallowed with `pass`.
enum B110TryExceptPass: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.exceptHandler]
    static let metadata = RuleMetadata.bandit(
        "B110", "try_except_pass", title: "Exception swallowed with pass", severity: .low, confidence: .high, cwe: 703,
        documentation: """
        ## What it does
        Flags `except:` and `except Exception:` handlers whose only statement is `pass` (typed handlers too with `python: {check_typed_exception: true}`).

        ## Why is this bad?
        Errors, including security failures (a failed signature check, a denied permission), disappear without a trace.

        ## What to do instead
        Catch the specific exception you expect, and log or handle it.

        ## References
        - [CWE-703](https://cwe.mitre.org/data/definitions/703.html)
        """,
        examples: [.triggers("try:\n    risky()\nexcept Exception:\n    pass\n"), .passes("try:\n    risky()\nexcept ValueError:\n    pass\n"), .passes("try:\n    risky()\nexcept Exception:\n    log.exception('failed')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard SwallowedException.matches(context, { if case .pass = $0 { true } else { false } }) else { return nil }
        return RuleHit(.low, .high, "Try, Except, Pass detected.")
    }
}

/// The handler shape B110 and B112 look for.
enum SwallowedException {
    static func matches(_ context: PythonRuleContext, _ isBody: (Stmt.Kind) -> Bool) -> Bool {
        guard case .exceptHandler(let handler) = context.node, handler.body.count == 1 else { return false }
        if !context.options.checkTypedException, let type = handler.type {
            guard case .name("Exception", _) = type.kind else { return false }
        }
        return isBody(handler.body[0].kind)
    }
}
