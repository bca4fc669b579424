import RampartCore

enum WerkzeugDebugger: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-werkzeug-debugger", title: "Werkzeug interactive debugger exposed", severity: .critical, confidence: .high, cwe: 489,
        zap: false,
        documentation: """
        The page is Werkzeug's interactive debugger (a Flask app run with `debug=True`): anyone \
        who reaches it can run Python on the server, through the traceback console or `/console` \
        (the PIN is guessable from information the server leaks). ZAP has no rule for it.

        **Fix:** never run with `debug=True` (or `FLASK_DEBUG=1`) outside a developer's machine; \
        serve with gunicorn or uwsgi.
        """,
        examples: [
            .triggers("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<html><title>ZeroDivisionError // Werkzeug Debugger</title><script>var CONSOLE_MODE = false, EVALEX = true, SECRET = \"x\";</script></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<html><h1>Internal Server Error</h1></html>\n", fileName: "page.http"),
        ]
    )

    static let markers = PassiveScan.literals(["Werkzeug Debugger", "The debugger caught an exception", "EVALEX"])

    static func check(_ r: WebPage) -> [WebHit] {
        // One pass over the bytes: this rule runs on every response.
        guard let (_, marker) = PassiveScan.firstMatch(markers, in: r.body) else { return [] }
        if marker == "EVALEX", !r.text.contains("__debugger__") { return [] }
        return [WebHit(evidence: marker == "EVALEX" ? "__debugger__" : marker)]
    }
}
