import RampartCore

/// User input in HTML without escaping (CWE-79): a taint rule.
public enum TaintXSS: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "xss", confirming: confirms, title: "User input in HTML without escaping", severity: .high, cwe: 79, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to HTML made without escaping: the value a Flask view returns, `render_template_string`, `Markup`, `make_response`, Django's `mark_safe` and `HttpResponse`. `html.escape`, `markupsafe.escape` and Django's `escape` make it safe.

        ## Why is this bad?
        Script in the data runs in other users' browsers as the site: it steals sessions and acts for them.

        ## What to do instead
        Render with a template engine that escapes (Jinja2 with autoescaping, Django templates), or escape the value with `markupsafe.escape`.

        ## References
        - [CWE-79](https://cwe.mitre.org/data/definitions/79.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\n@app.route('/hello')\ndef hello():\n    name = request.args.get('name', '')\n    return '<h1>Hello ' + name + '</h1>'\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom markupsafe import escape\n@app.route('/hello')\ndef hello():\n    name = request.args.get('name', '')\n    return '<h1>Hello ' + escape(name) + '</h1>'\n"),
            .triggers("from django.http import HttpResponse\ndef echo(request):\n    return HttpResponse(request.GET['q'])\n"),
            .passes("from django.http import HttpResponse\ndef echo(request):\n    return HttpResponse(request.GET['q'], content_type='text/plain; charset=utf-8')\n"),
        ]
    )

    public static let confirms = ["B308", "B703", "B704"]

    public static let message = "User input reaches an HTML response without escaping: it can run script in users' browsers (cross-site scripting)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        // What a Flask view returns is the response body (HTML unless said otherwise); a
        // response object, a template's rendering or a redirect is not a string of HTML.
        .focus("return $VALUE", on: "$VALUE", inside: ["""
        @$APP.$ROUTE(...)
        def $VIEW(...):
            ...
        """, "import flask\n..."], not: flaskResponses, regex: ["$ROUTE": TaintModels.routeDecorators]),
        .focus("return $VALUE", on: "$VALUE", inside: ["""
        @$APP.$ROUTE(...)
        def $VIEW(...):
            ...
        """, "from flask import $NAME\n..."], not: flaskResponses, regex: ["$ROUTE": TaintModels.routeDecorators]),
        .focus("flask.render_template_string($TEMPLATE, ...)", on: "$TEMPLATE"),
        .focus("markupsafe.Markup($HTML, ...)", on: "$HTML"),
        .focus("flask.Markup($HTML, ...)", on: "$HTML"),
        .focus("flask.make_response($BODY, ...)", on: "$BODY"),
        .focus("django.utils.safestring.mark_safe($HTML, ...)", on: "$HTML"),
        .focus("django.http.HttpResponse($BODY, ...)", on: "$BODY", not: notHTML("django.http.HttpResponse", "content_type")),
        .focus("flask.Response($BODY, ...)", on: "$BODY", not: notHTML("flask.Response", "mimetype") + notHTML("flask.Response", "content_type")),
    ]

    /// A response whose type the code sets to something a browser does not render as HTML.
    static func notHTML(_ response: String, _ keyword: String) -> [String] {
        [response + #"(..., \#(keyword)="=~/^(text\/(plain|csv|css)|application\/(json|atom\+xml|rss\+xml|xml|octet-stream|pdf|zip))/", ...)"#]
    }

    /// Returns of a Flask view that are not an HTML string built by the view.
    static let flaskResponses = [
        "return $F.render_template(...)", "return render_template(...)", "return $F.render(...)", "return render(...)",
        "return $F.Response(...)", "return Response(...)", "return $F.jsonify(...)", "return jsonify(...)",
        "return $F.redirect(...)", "return redirect(...)", "return $F.send_file(...)", "return send_file(...)",
        "return send_from_directory(...)", "return $F.abort(...)", "return abort(...)", "return $F.url_for(...)", "return url_for(...)",
        "return $F.make_response(...)", "return make_response(...)",
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("html.escape(...)")] + [.pattern("markupsafe.escape(...)")] + [.pattern("flask.escape(...)")] + [.pattern("django.utils.html.escape(...)")] + [.pattern("bleach.clean(...)")] + [.pattern("flask.render_template(...)"), .pattern("render_template(...)")] + [.pattern("flask.jsonify(...)")] + [.pattern("json.dumps(...)")] + [.pattern("flask.url_for(...)")] + [.pattern("flask.redirect(...)"), .pattern("$CURSOR.execute(...)"), .pattern("$CURSOR.fetchall(...)"), .pattern("$CURSOR.fetchone(...)")]
}
