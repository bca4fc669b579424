import PythonSyntax
import RampartCore

/// B112 (try_except_continue): an exception swallowed with `continue`.
enum B112TryExceptContinue: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.exceptHandler]
    static let metadata = RuleMetadata.bandit(
        "B112", "try_except_continue", title: "Exception swallowed with continue", severity: .low, confidence: .high, cwe: 703,
        documentation: """
        ## What it does
        Flags `except:` and `except Exception:` handlers in loops whose only statement is `continue`.

        ## Why is this bad?
        Failures are skipped silently; a loop over security checks goes on as if they passed.

        ## What to do instead
        Catch the specific exception and log it before continuing.

        ## References
        - [CWE-703](https://cwe.mitre.org/data/definitions/703.html)
        """,
        examples: [.triggers("for item in items:\n    try:\n        handle(item)\n    except Exception:\n        continue\n"), .passes("for item in items:\n    try:\n        handle(item)\n    except KeyError:\n        continue\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard SwallowedException.matches(context, { if case .continue = $0 { true } else { false } }) else { return nil }
        return RuleHit(.low, .high, "Try, Except, Continue detected.")
    }
}
