import Foundation
import RampartCore

/// B101 (assert_used): `assert` disappears under `python -O`.
enum B101AssertUsed: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.assertStatement]
    static let metadata = RuleMetadata.bandit(
        "B101", "assert_used", title: "Use of assert", severity: .low, confidence: .high, cwe: 703,
        documentation: """
        ## What it does
        Flags `assert` statements.

        ## Why is this bad?
        Python removes asserts when it runs with `-O`, so an assert that guards a security check (a permission, an input bound) silently stops guarding it in optimised deployments.

        ## What to do instead
        Raise an exception explicitly: `if not user.is_admin: raise PermissionError()`. Tests may keep their asserts: list their paths in `python: {assert_skips: ["tests/*"]}` or an `ignores:` entry.

        ## References
        - [CWE-703](https://cwe.mitre.org/data/definitions/703.html)
        """,
        examples: [.triggers("assert user.is_admin\n"), .passes("if not user.is_admin:\n    raise PermissionError()\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        for pattern in context.options.assertSkips where fnmatch(pattern, context.path) { return nil }
        return RuleHit(.low, .high, "Use of assert: removed when Python runs with -O; do not rely on it for checks.")
    }
}

/// `fnmatch` without `FNM_PATHNAME`, as Python's `fnmatch.fnmatch` matches paths.
func fnmatch(_ pattern: String, _ path: String) -> Bool {
    Foundation.fnmatch(pattern, path, 0) == 0
}
