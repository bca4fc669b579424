import Foundation
import RampartCore
import RampartRegex

enum PythonTraceback: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-python-traceback", title: "Python traceback or framework error disclosed", severity: .medium, confidence: .high, cwe: 209, owasp: .a05,
        zap: false,
        documentation: """
        The response shows a Python traceback (`Traceback (most recent call last):`, \
        `File "…", line N, in …`) or a Python library's exception (Jinja2 \
        `TemplateSyntaxError` / `UndefinedError`, SQLAlchemy `sqlalchemy.exc.…`, \
        `sqlite3.OperationalError`, `psycopg2` errors, Werkzeug's error page): source paths, \
        code lines, SQL and library versions are disclosed. ZAP's error signatures have no \
        Python strings.

        **Fix:** run with `DEBUG = False` (Flask `app.debug`, Django settings), catch errors in \
        a handler that renders a generic page (`@app.errorhandler(500)`, Django `handler500`), \
        and never return `traceback.format_exc()` or `str(e)` to clients.
        """,
        examples: [
            .triggers("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/plain\n\nTraceback (most recent call last):\n  File \"/app/shop/views.py\", line 42, in checkout\n    total = cart.total()\nZeroDivisionError: division by zero\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: application/json\n\n{\"error\": \"(sqlite3.OperationalError) no such table: users\"}\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<pre>jinja2.exceptions.UndefinedError: 'user' is undefined</pre>\n", fileName: "page.http"),
            .passes("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<h1>Internal Server Error</h1><p>The server encountered an internal error.</p>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/pyodide.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nconst m = \"Traceback (most recent call last):\";\n", fileName: "page.http"),
        ]
    )

    static let markers: ByteRegex? = try? ByteRegex(
        #"Traceback \(most recent call last\)"#
            + #"|\bFile (?:"|&quot;|&#34;)[^"&\n]{1,300}\.py(?:"|&quot;|&#34;), line \d+, in [\w<>.]{1,100}"#
            + #"|\bjinja2\.exceptions\.\w+|\bjinja2\.exceptions\b|\b(?:TemplateSyntaxError|UndefinedError|TemplateNotFound): .{1,120}"#
            + #"|\bsqlalchemy\.exc\.\w+|\bsqlite3\.(?:OperationalError|IntegrityError|ProgrammingError|DatabaseError)\b"#
            + #"|\bpsycopg2?\.(?:errors\.)?\w*(?:Error|Exception)\b|\bdjango\.(?:db\.utils|core\.exceptions|template\.exceptions)\.\w+"#
            + #"|\bwerkzeug\.(?:exceptions|routing)\.\w+(?:Error|Exception)?|\bpymysql\.err\.\w+|\bMySQLdb\.\w*Error\b"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css"), !r.body.isEmpty else { return [] }
        var hits: [WebHit] = []
        var seen = Set<String>()
        for (_, text) in PassiveScan.matches(markers, in: r.body, limit: 20) {
            let evidence = PassiveScan.clip(text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#34;", with: "\""), 160)
            guard seen.insert(evidence).inserted else { continue }
            hits.append(WebHit(evidence: evidence))
            break  // one instance per response: the first marker
        }
        return hits
    }
}
