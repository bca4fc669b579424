import RampartCore

/// User input deserialized (CWE-502): a taint rule.
public enum TaintDeserialization: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "deserialization", confirming: confirms, title: "User input deserialized", severity: .critical, cwe: 502, owasp: .a08,
        documentation: """
        ## What it does
        Follows user input to `pickle`, `marshal`, `shelve`, `dill`, `jsonpickle` and `yaml.load` with an unsafe loader.

        ## Why is this bad?
        These formats can name any callable to run while loading: the data runs code in the application.

        ## What to do instead
        Use a data-only format (`json`, `yaml.safe_load`); if objects must travel, sign them and check the signature first.

        ## References
        - [CWE-502](https://cwe.mitre.org/data/definitions/502.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nimport base64, pickle\n@app.route('/load')\ndef load():\n    return str(pickle.loads(base64.b64decode(request.cookies['state'])))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport json\n@app.route('/load')\ndef load():\n    return str(json.loads(request.cookies['state']))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport yaml\n@app.route('/load')\ndef load():\n    return str(yaml.safe_load(request.data))\n"),
        ]
    )

    public static let confirms = ["B301", "B302", "B506"]

    public static let message = "User input reaches a deserializer that can build any object: it can run code (insecure deserialization)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInputAndUser

    public static let sinks: [TaintPattern] = [
        .pattern("pickle.loads(...)"),
        .pattern("pickle.load(...)"),
        .pattern("_pickle.loads(...)"),
        .pattern("cPickle.loads(...)"),
        .pattern("marshal.loads(...)"),
        .pattern("shelve.open(...)"),
        .pattern("dill.loads(...)"),
        .pattern("jsonpickle.decode(...)"),
        .pattern("yaml.unsafe_load(...)"),
        .except("yaml.load(...)", not: ["yaml.load(..., Loader=yaml.SafeLoader, ...)", "yaml.load(..., Loader=yaml.CSafeLoader, ...)", "yaml.load(..., Loader=SafeLoader, ...)"]),
    ]

    public static let sanitizers: [TaintPattern] = [.pattern("hmac.compare_digest(...)")]
}
