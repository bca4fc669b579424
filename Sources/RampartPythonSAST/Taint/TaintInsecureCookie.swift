import RampartCore

/// Cookie without the Secure flag (CWE-614): a taint rule.
public enum TaintInsecureCookie: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "insecure-cookie", confirming: confirms, title: "Cookie without the Secure flag", severity: .medium, cwe: 614, owasp: .a05,
        documentation: """
        ## What it does
        Finds cookies set without `secure=True` (Flask/Werkzeug and Django `set_cookie`), following the flag's value through variables and branches: `secure=flag` where `flag` is `True` on every path taken is not reported.

        ## Why is this bad?
        A cookie without the flag goes with any request to the site, including plain-HTTP ones that anyone on the network can read: session cookies are stolen that way.

        ## What to do instead
        Set `secure=True` (and `httponly=True`, `samesite='Lax'`) on every cookie; configure `SESSION_COOKIE_SECURE` for the framework's own.

        ## References
        - [CWE-614](https://cwe.mitre.org/data/definitions/614.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import make_response\n@app.route('/login')\ndef login():\n    response = make_response('ok')\n    response.set_cookie('session', 'value')\n    return response\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import make_response\n@app.route('/login')\ndef login():\n    response = make_response('ok')\n    response.set_cookie('session', 'value', secure=True, httponly=True)\n    return response\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import make_response\n@app.route('/login')\ndef login():\n    secure = False if 7 * 18 - 106 > 200 else True\n    response = make_response('ok')\n    response.set_cookie('session', 'value', secure=secure)\n    return response\n"),
        ]
    )

    public static let message = "A cookie is set without the Secure flag: browsers send it over plain HTTP too"

    public static let sources: [TaintPattern] = [.pattern("False"), .pattern("None"), .except("$RESPONSE.set_cookie($KEY, $VALUE, ...)", not: ["$RESPONSE.set_cookie(..., secure=$FLAG, ...)"]), .except("$RESPONSE.set_cookie($KEY, value=$VALUE, ...)", not: ["$RESPONSE.set_cookie(..., secure=$FLAG, ...)"])]

    public static let sinks: [TaintPattern] = [
        .focus("$RESPONSE.set_cookie(..., secure=$FLAG, ...)", on: "$FLAG"),
        // A response's `set_cookie(key, value, …)`; a cookie jar's `set_cookie(cookie)` is not one.
        .except("$RESPONSE.set_cookie($KEY, $VALUE, ...)", not: ["$RESPONSE.set_cookie(..., secure=$FLAG, ...)"]),
        .except("$RESPONSE.set_cookie($KEY, value=$VALUE, ...)", not: ["$RESPONSE.set_cookie(..., secure=$FLAG, ...)"]),
    ]

    public static let sanitizers: [TaintPattern] = []
}
