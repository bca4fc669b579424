import RampartCore

/// User input evaluated as code (CWE-95): a taint rule.
public enum TaintCodeInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "code-injection", confirming: confirms, title: "User input evaluated as code", severity: .critical, cwe: 95, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to `eval`, `exec` and `compile`.

        ## Why is this bad?
        Python code in the data runs in the application: it reads secrets, runs commands, changes anything.

        ## What to do instead
        Parse the data instead of running it: `ast.literal_eval` for Python literals, `json.loads` for JSON, a dispatch table for names of operations.

        ## References
        - [CWE-95](https://cwe.mitre.org/data/definitions/95.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/calc')\ndef calc():\n    expression = request.args.get('e', '1+1')\n    return str(eval(expression))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport ast\n@app.route('/calc')\ndef calc():\n    expression = request.args.get('e', '1+1')\n    return str(ast.literal_eval(expression))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/calc')\ndef calc():\n    expression = request.args.get('e') if 7 * 18 - 106 > 200 else '1+1'\n    return str(eval(expression))\n"),
        ]
    )

    public static let confirms = ["B102", "B307"]

    public static let message = "User input reaches eval, exec or compile: it can run any Python code (code injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInputAndUser

    public static let sinks: [TaintPattern] = [
        .pattern("eval(...)"),
        .pattern("exec(...)"),
        .focus("compile($SOURCE, ...)", on: "$SOURCE"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("ast.literal_eval(...)")]
}
