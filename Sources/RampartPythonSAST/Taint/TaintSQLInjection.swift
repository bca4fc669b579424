import RampartCore

/// User input in an SQL query (CWE-89): a taint rule.
public enum TaintSQLInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "sql-injection", confirming: confirms, title: "User input in an SQL query", severity: .high, cwe: 89, owasp: .a03,
        documentation: """
        ## What it does
        Follows data from a request (or another source of user input) through assignments, string building and calls to the query text of a database call: DB-API `execute`, SQLAlchemy `text`, Django `raw`, `extra` and `RawSQL`, pandas `read_sql`.

        ## Why is this bad?
        Whoever controls the data can end the query and write their own: read every table, change data, sometimes run commands on the database server.

        ## What to do instead
        Pass values as query parameters (`cursor.execute("... WHERE id = ?", (user_id,))`) and keep the query text constant; convert identifiers and numbers with `int()`.

        ## References
        - [CWE-89](https://cwe.mitre.org/data/definitions/89.html)
        - [OWASP SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/user')\ndef user():\n    name = request.args.get('name')\n    query = \"SELECT * FROM users WHERE name = '%s'\" % name\n    return str(db.execute(query).fetchall())\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/user')\ndef user():\n    name = request.args.get('name')\n    return str(db.execute('SELECT * FROM users WHERE name = ?', (name,)).fetchall())\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/user')\ndef user():\n    user_id = int(request.args.get('id'))\n    return str(db.execute('SELECT * FROM users WHERE id = %d' % user_id).fetchall())\n"),
        ]
    )

    public static let confirms = ["B608", "B610", "B611"]

    public static let message = "User input reaches an SQL query: it can change the query (SQL injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("$CURSOR.execute($QUERY, ...)", on: "$QUERY"),
        .focus("$CURSOR.executemany($QUERY, ...)", on: "$QUERY"),
        .focus("$CURSOR.executescript($QUERY, ...)", on: "$QUERY"),
        .focus("sqlalchemy.text($QUERY, ...)", on: "$QUERY"),
        .focus("$MODEL.objects.raw($QUERY, ...)", on: "$QUERY"),
        .pattern("$MODEL.objects.extra(...)"),
        .focus("django.db.models.expressions.RawSQL($QUERY, ...)", on: "$QUERY"),
        .focus("pandas.read_sql($QUERY, ...)", on: "$QUERY"),
        .focus("pandas.read_sql_query($QUERY, ...)", on: "$QUERY"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues
}
