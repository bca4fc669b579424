import RampartCore

/// User input as a redirect target (CWE-601): a taint rule.
public enum TaintOpenRedirect: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "open-redirect", confirming: confirms, title: "User input as a redirect target", severity: .medium, cwe: 601, owasp: .a01,
        documentation: """
        ## What it does
        Follows user input to the target of a redirect: Flask's and Django's `redirect`, `HttpResponseRedirect`, Starlette's `RedirectResponse`. A check of the target's host (`urlparse(url).netloc` in an allow-list, Django's `url_has_allowed_host_and_scheme`) makes it safe.

        ## Why is this bad?
        A link on the trusted site sends users to a look-alike that phishes their password, or carries tokens to another host.

        ## What to do instead
        Redirect to paths of your own site, or check the host of the target against an allow-list.

        ## References
        - [CWE-601](https://cwe.mitre.org/data/definitions/601.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import redirect\n@app.route('/go')\ndef go():\n    return redirect(request.args['next'])\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import redirect, url_for\n@app.route('/go')\ndef go():\n    return redirect(url_for('index'))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom flask import redirect\nfrom urllib.parse import urlparse\n@app.route('/go')\ndef go():\n    target = request.args['next']\n    if urlparse(target).netloc in {'example.com'}:\n        return redirect(target)\n    return redirect('/')\n"),
        ]
    )

    public static let message = "User input decides where the response redirects: it can send users to another site (open redirect)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("flask.redirect($URL, ...)", on: "$URL"),
        .focus("django.shortcuts.redirect($URL, ...)", on: "$URL"),
        .focus("django.http.HttpResponseRedirect($URL, ...)", on: "$URL"),
        .focus("starlette.responses.RedirectResponse($URL, ...)", on: "$URL"),
        .focus("fastapi.responses.RedirectResponse($URL, ...)", on: "$URL"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.validations + TaintModels.cachedValues + [.check("urllib.parse.urlparse($U).netloc in $ALLOWED", on: "$U", outcome: true)] + [.check("urllib.parse.urlparse($U).netloc == $HOST", on: "$U", outcome: true), .check("urllib.parse.urlparse($U).netloc not in $ALLOWED", on: "$U", outcome: false)] + [.check("django.utils.http.url_has_allowed_host_and_scheme($U, ...)", on: "$U", outcome: true),
         .check("django.utils.http.url_has_allowed_host_and_scheme(..., url=$U, ...)", on: "$U", outcome: true),
         .check("django.utils.http.is_safe_url($U, ...)", on: "$U", outcome: true),
         .check("django.utils.http.is_safe_url(..., url=$U, ...)", on: "$U", outcome: true)] + [.pattern("flask.url_for(...)")] + redirectSafeTargets

    static let urlBuilders = #"^(.*\.)?(url_for\w*|\w*reverse|get_absolute_url|url_path_for)$"#

    /// Targets whose host the application sets: its own URL builders, and strings that start
    /// with a path of the site (`"/items?id=" + value`, not `"//…"` nor a scheme).
    static let redirectSafeTargets: [TaintPattern] = [
        // Django checks the Host header against ALLOWED_HOSTS before `get_host()` returns it.
        .pattern("$REQUEST.get_host()"),
        .pattern("django.urls.reverse(...)"), .pattern("django.shortcuts.resolve_url(...)"), .pattern("$APP.url_path_for(...)"),
        // The application's URL builders, by name: url_for, url_for_item, reverse, admin_reverse, get_absolute_url.
        .matching("$BUILDER(...)", regex: ["$BUILDER": urlBuilders]),
        .focus("$BUILDER(...) + $REST", on: "$REST", regex: ["$BUILDER": urlBuilders]),
        // What follows a concatenation that starts with a builder or a site path, at any depth
        // of the chain (`reverse(...) + "?" + query + "&x=" + y`).
        .focus("$LEFT + $REST", on: "$REST", regex: ["$LEFT": #"^((\w+\.)*(url_for\w*|\w*reverse|get_absolute_url|url_path_for)\(|["']/[^/\\])"#]),
        .focus("$PREFIX + $REST", on: "$REST", regex: ["$PREFIX": #"^["']/[^/\\]"#]),
        .focus("$PREFIX % $REST", on: "$REST", regex: ["$PREFIX": #"^["']/[^/\\]"#]),
    ]
}
