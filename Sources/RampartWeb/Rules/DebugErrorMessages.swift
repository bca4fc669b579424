import Foundation
import RampartCore
import RampartRegex

enum DebugErrorMessages: WebRule {
    static let metadata = RuleMetadata.web(
        "10023", title: "Debug error messages disclosed", severity: .low, confidence: .medium, cwe: 1295, owasp: .a05,
        documentation: """
        The response contains a debug message a framework prints when verbose errors are on \
        (PHP warnings with file and line, ASP.NET's yellow page, Java or Node stack frames, Rails \
        exception pages, the debug-mode banners of Werkzeug and Django): it reveals file paths, \
        code and versions. Python tracebacks themselves are reported by \
        `rampart-python-traceback`.

        **Fix:** turn verbose errors off in production (PHP `display_errors = Off`, ASP.NET \
        `customErrors`, Flask `DEBUG = False`, Django `DEBUG = False`) and log errors server-side.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<br />\n<b>Warning</b>:  mysqli_connect(): (HY000/2002): Connection refused in <b>/var/www/html/db.php</b> on line <b>4</b><br />\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<h1>Server Error in '/' Application.</h1><b> Exception Details: </b>System.NullReferenceException\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<p>The debugger caught an exception in your WSGI application. You can now look at the traceback which led to the error.</p>\n", fileName: "page.http"),
            .passes("HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<h1>Something went wrong</h1><p>Please try again later.</p>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nconsole.log(\"Stack trace:\");\n", fileName: "page.http"),
        ]
    )

    /// Messages only verbose error modes print (not "Internal Server Error", which every error page says).
    static let messages: ByteRegex? = try? ByteRegex(
        #"<b>(?:Warning|Notice|Fatal error|Parse error|Deprecated)</b>:\s+.{0,300}? in <b>[^<]{1,300}</b> on line <b>\d+</b>"#
            + #"|(?:PHP )?(?:Warning|Notice|Fatal error|Parse error): .{1,300}? in (?:/|[A-Z]:\\)[^\s<]{1,300} on line \d+"#
            + #"|Server Error in '[^']{1,200}' Application|Exception Details: |ASP\.NET is configured to show verbose error messages"#
            + #"|Error Diagnostic Information|Error Occurred While Processing Request"#
            + #"|\bat (?:java|javax|org\.apache|org\.springframework|com\.sun)\.[\w$.]{3,200}\([\w$]{1,100}\.java:\d+\)"#
            + #"|\bat [\w$.<>]{1,200} \((?:/|[A-Z]:\\)[^\s()]{1,300}\.(?:js|ts|mjs):\d+:\d+\)"#
            + #"|Action Controller: Exception caught|ActionController::RoutingError|ActiveRecord::StatementInvalid"#
            + #"|Whoops! There was an error\.|Symfony\\Component\\[\w\\]{1,200}Exception"#
            // Debug-mode pages of Python frameworks (banners, not tracebacks).
            + #"|The debugger caught an exception in your WSGI application|You're seeing this error because you have <code>DEBUG = True</code>"#
            + #"|You(?:'|&#39;|&#x27;)re seeing this error because you have DEBUG = True"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css"), !r.body.isEmpty else { return [] }
        guard let (_, text) = PassiveScan.firstMatch(messages, in: r.body) else { return [] }
        return [WebHit(evidence: PassiveScan.clip(text.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: ""), 160))]
    }
}
