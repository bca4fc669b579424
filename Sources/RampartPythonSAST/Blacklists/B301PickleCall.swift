import RampartCore

/// B301 (pickle): Deserialisation with pickle and its relatives.
enum B301PickleCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "pickle.loads",
        "pickle.load",
        "pickle.Unpickler",
        "dill.loads",
        "dill.load",
        "dill.Unpickler",
        "shelve.open",
        "shelve.DbfilenameShelf",
        "jsonpickle.decode",
        "jsonpickle.unpickler.decode",
        "jsonpickle.unpickler.Unpickler",
        "pandas.read_pickle",
    ]
    static let message = "Unpickling data from an untrusted source runs arbitrary code: `{name}` rebuilds whatever objects the data describes."
    static let metadata = RuleMetadata.bandit(
        "B301", "pickle", title: "Deserialisation with pickle and its relatives", severity: .medium, confidence: .high, cwe: 502, owasp: .a08,
        documentation: "## What it does\nFlags calls to `pickle.loads`, `pickle.load`, `pickle.Unpickler`, `dill.loads`, `dill.load`, `dill.Unpickler` and more.\n\n## Why is this bad?\nUnpickling data from an untrusted source runs arbitrary code: `the call` rebuilds whatever objects the data describes.\n\n## What to do instead\nExchange data as JSON (or another format that only carries data); if pickle is unavoidable, sign the data with HMAC and check the signature before loading.\n\n## References\n- [CWE-502](https://cwe.mitre.org/data/definitions/502.html)\n",
        examples: [.triggers("import pickle\nobj = pickle.loads(payload)\n"), .passes("import json\nobj = json.loads(payload)\n")]
    )
}
