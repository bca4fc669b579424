import RampartCore
import RampartRegex

enum ApplicationErrorDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "90022", title: "Application error disclosure", severity: .medium, confidence: .medium, cwe: 550, owasp: .a05,
        documentation: """
        The response contains an error message from the application stack: database errors \
        (MySQL, PostgreSQL, SQL Server, Oracle, SQLite), Java, .NET or PHP exceptions, and the \
        Python strings ZAP's list lacks (Werkzeug, Django, SQLAlchemy, SQLite, psycopg2, \
        Jinja2). Such messages reveal queries, table names and code paths an attacker uses to \
        shape injections. A bare HTTP 500 without such a message is reported at low severity. \
        404 pages are not read.

        **Fix:** return generic error pages (Flask `@app.errorhandler(Exception)`, Django \
        `handler500` with `DEBUG = False`) and log details server-side; never return \
        `str(exception)` in API answers.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''1''' at line 1</p>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 400 BAD REQUEST\nContent-Type: application/json\n\n{\"detail\": \"sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation \\\"orders\\\" does not exist\"}\n", fileName: "page.http"),
            .triggers("HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<h1>Internal Server Error</h1>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Our SQL course covers syntax errors and how to fix them.</p>\n", fileName: "page.http"),
            .passes("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<p>java.lang.NullPointerException is not a page here.</p>\n", fileName: "page.http"),
        ]
    )

    static let patterns: ByteRegex? = try? ByteRegex(
        // SQL vendors.
        #"You have an error in your SQL syntax|\bWarning: mysqli?_\w+\(|\bMySqlException\b|\bcom\.mysql\.jdbc\.exceptions|valid MySQL result"#
            + #"|\bPostgreSQL query failed|\bpg_(?:query|exec)\(\)|\bPSQLException\b|\bERROR:\s+syntax error at or near|\bunterminated quoted string at or near"#
            + #"|\bORA-\d{5}\b|\bOracle error\b|\bquoted string not properly terminated"#
            + #"|Unclosed quotation mark after the character string|Microsoft OLE DB Provider for (?:SQL Server|ODBC Drivers)|\[Microsoft\]\[ODBC"#
            + #"|System\.Data\.SqlClient\.SqlException|\bSQLSTATE\[\w+\]|\bjava\.sql\.SQLException|\bSQLite/JDBCDriver|\bSQLiteException\b"#
            + #"|\bSQL logic error\b|Syntax error in string in query expression|\bDB2 SQL error\b|Dynamic SQL Error"#
            // Java, .NET, PHP.
            + #"|\bjava\.lang\.\w+(?:Exception|Error)\b|\bjavax\.servlet\.ServletException|\borg\.apache\.jasper\.JasperException"#
            + #"|\bSystem\.(?:NullReference|InvalidOperation|IndexOutOfRange|ArgumentNull)Exception\b|\bUnhandled Exception:"#
            + #"|<b>Fatal error</b>:|\bPHP (?:Fatal|Parse) error:"#
            // Python, which ZAP's list lacks.
            + #"|Traceback \(most recent call last\)|\bwerkzeug\.exceptions\.\w+|\bdjango\.(?:db\.utils|core\.exceptions)\.\w+"#
            + #"|\bsqlalchemy\.exc\.\w+|\bsqlite3\.(?:OperationalError|IntegrityError|ProgrammingError|DatabaseError)\b"#
            + #"|\bpsycopg2\.(?:errors\.)?\w+|\bjinja2\.exceptions\.\w+|\bIntegrityError: (?:UNIQUE|NOT NULL|FOREIGN KEY) constraint failed"#
            + #"|\bOperationalError: no such (?:table|column)|\bProgrammingError: relation"#)

    static func check(_ r: WebPage) -> [WebHit] {
        // 404 pages echo the requested path and are not the application failing.
        guard r.status != 404, r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css") else { return [] }
        if let (_, text) = PassiveScan.firstMatch(patterns, in: r.body) {
            return [WebHit(evidence: PassiveScan.clip(text, 160))]
        }
        // A payload that makes the app fail without disclosing anything is not a disclosure.
        if r.status == 500, !r.isProbeResponse {
            return [WebHit(evidence: "HTTP 500", severity: .low)]
        }
        return []
    }
}
