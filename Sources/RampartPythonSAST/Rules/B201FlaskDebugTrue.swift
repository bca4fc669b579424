import RampartCore

/// B201 (flask_debug_true): Flask's debugger exposed.
enum B201FlaskDebugTrue: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B201", "flask_debug_true", title: "Flask app run with debug=True", severity: .high, confidence: .medium, cwe: 94, owasp: .a05,
        documentation: """
        ## What it does
        Flags `….run(debug=True)` in modules that import Flask.

        ## Why is this bad?
        The Werkzeug debugger lets anyone who can reach the page run Python code on the server.

        ## What to do instead
        Leave debug off outside a developer's machine; enable it from the environment (`FLASK_DEBUG`) only there.

        ## References
        - [CWE-94](https://cwe.mitre.org/data/definitions/94.html)
        """,
        examples: [.triggers("from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n"), .passes("from flask import Flask\napp = Flask(__name__)\napp.run()\n")]
    )

    static let callLastNames: Set<String>? = ["run"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("flask"), context.qualname.hasSuffix(".run"), context.checkKeyword("debug", ["True"]) == true else { return nil }
        return RuleHit(.high, .medium, "A Flask app appears to be run with debug=True, which exposes the Werkzeug debugger and allows the execution of arbitrary code.", line: context.lineOfKeyword("debug"))
    }
}
