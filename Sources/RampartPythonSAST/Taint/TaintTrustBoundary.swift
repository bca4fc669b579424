import RampartCore

/// User input stored in the session (CWE-501): a taint rule.
public enum TaintTrustBoundary: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "trust-boundary", confirming: confirms, title: "User input stored in the session", severity: .medium, cwe: 501, owasp: .a04,
        documentation: """
        ## What it does
        Follows user input into the server-side session: Flask's `session[...] = ...` and `session.update`, Django's `request.session[...] = ...`.

        ## Why is this bad?
        Code that reads the session later treats its values as set by the application (a user id, a role, a verified flag): data the user chose crosses that boundary unchecked.

        ## What to do instead
        Validate the value against what the application allows before storing it, or keep user-chosen values apart from trusted session data.

        ## References
        - [CWE-501](https://cwe.mitre.org/data/definitions/501.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import session\n@app.route('/prefs')\ndef prefs():\n    session['role'] = request.args['role']\n    return 'ok'\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import session\n@app.route('/prefs')\ndef prefs():\n    session['page_size'] = int(request.args['size'])\n    return 'ok'\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import session\nfrom .auth import authenticate\n@app.route('/login', methods=['POST'])\ndef login():\n    user = authenticate(request.form['name'], request.form['password'])\n    session['user_id'] = user.id\n    return 'ok'\n"),
        ]
    )

    public static let message = "User input is stored in the session next to trusted data (trust boundary violation)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("flask.session[$KEY] = $VALUE", on: "$VALUE"),
        .focus("flask.session.update($VALUE, ...)", on: "$VALUE"),
        .focus("request.session[$KEY] = $VALUE", on: "$VALUE"),
        .focus("flask.session.setdefault($KEY, $VALUE)", on: "$VALUE"),
    ]

    /// What an authentication step returns (the user it verified) is the application's own
    /// record, not the submitted form.
    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [
        .matching("$AUTHENTICATE(...)", regex: ["$AUTHENTICATE": #"(?i)^(.*\.)?(authenticate\w*|handle_login|login_user|verify_(user|login|credentials))$"#]),
    ]
}
