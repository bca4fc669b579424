import RampartCore

/// User input in a file path (CWE-22): a taint rule.
public enum TaintPathTraversal: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "path-traversal", confirming: confirms, title: "User input in a file path", severity: .high, cwe: 22, owasp: .a01,
        documentation: """
        ## What it does
        Follows user input to the path of a file operation: `open`, `io.open`, `codecs.open`, `os` and `shutil` functions, `pathlib.Path`, Flask's `send_file`. A check that the resolved path stays in its folder (`os.path.realpath(p).startswith(base)`, `'..' not in p`), `os.path.basename` and Werkzeug's `secure_filename` make the path safe.

        ## Why is this bad?
        `../` in the data walks out of the folder: the application reads or overwrites any file it can reach (configuration, keys, code).

        ## What to do instead
        Keep the name only (`werkzeug.utils.secure_filename`, `os.path.basename`), or resolve the path and check it is inside the folder before using it; Flask's `send_from_directory` does this for you.

        ## References
        - [CWE-22](https://cwe.mitre.org/data/definitions/22.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/file')\ndef file():\n    name = request.args['name']\n    with open('/srv/files/' + name) as f:\n        return f.read()\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport os\n@app.route('/file')\ndef file():\n    name = os.path.basename(request.args['name'])\n    with open('/srv/files/' + name) as f:\n        return f.read()\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import abort\n@app.route('/file')\ndef file():\n    name = request.args['name']\n    if '..' in name:\n        abort(400)\n    with open('/srv/files/' + name) as f:\n        return f.read()\n"),
        ]
    )

    public static let message = "User input reaches a file path: it can name files outside the intended folder (path traversal)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("open($PATH, ...)", on: "$PATH"),
        .focus("io.open($PATH, ...)", on: "$PATH"),
        .focus("codecs.open($PATH, ...)", on: "$PATH"),
        .focus("os.$FUNCTION($PATH, ...)", on: "$PATH", inside: [], not: ["os.path.$F(...)", "os.getenv(...)", "os.environ.get(...)", "os.system(...)", "os.popen(...)", "os.fspath(...)"]),
        .focus("shutil.$FUNCTION($PATH, ...)", on: "$PATH"),
        .focus("pathlib.Path($PATH, ...)", on: "$PATH"),
        .focus("flask.send_file($PATH, ...)", on: "$PATH"),
        .focus("tarfile.open($PATH, ...)", on: "$PATH"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("os.path.basename(...)")] + [.pattern("werkzeug.utils.secure_filename(...)")] + [.check("os.path.realpath($P).startswith(...)", on: "$P", outcome: true)] + [.check("os.path.abspath($P).startswith(...)", on: "$P", outcome: true)] + [.check("'..' in $P", on: "$P", outcome: false)] + [.check("'..' not in $P", on: "$P", outcome: true)]
}
