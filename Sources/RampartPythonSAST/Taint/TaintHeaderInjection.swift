import RampartCore

/// User input in a response header (CWE-113): a taint rule.
public enum TaintHeaderInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "header-injection", confirming: confirms, title: "User input in a response header", severity: .medium, cwe: 113, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to response headers: `response.headers[...] = ...`, `headers.add`, the `headers=` of a response, `set_cookie` values.

        ## Why is this bad?
        Line breaks in the data end the header: the attacker adds headers (a cookie, a redirect) or a whole response for caches to keep.

        ## What to do instead
        Reject or strip `\r` and `\n` from values put in headers; use the framework's helpers for redirects and cookies.

        ## References
        - [CWE-113](https://cwe.mitre.org/data/definitions/113.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import make_response\n@app.route('/lang')\ndef lang():\n    response = make_response('ok')\n    response.headers['Content-Language'] = request.args['lang']\n    return response\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import make_response\nfrom urllib.parse import quote\n@app.route('/lang')\ndef lang():\n    response = make_response('ok')\n    response.headers['Content-Language'] = quote(request.args['lang'])\n    return response\n"),
        ]
    )

    public static let message = "User input reaches a response header: line breaks in it can add headers or split the response (HTTP header injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("$RESPONSE.headers[$NAME] = $VALUE", on: "$VALUE"),
        .focus("$RESPONSE.headers.add($NAME, $VALUE, ...)", on: "$VALUE"),
        .focus("$RESPONSE.headers.set($NAME, $VALUE, ...)", on: "$VALUE"),
        .focus("$RESPONSE[$NAME] = $VALUE", on: "$VALUE", inside: ["$RESPONSE = django.http.HttpResponse(...)\n..."]),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("urllib.parse.quote(...)")] + [.check("'\\n' in $V", on: "$V", outcome: false)]
}
