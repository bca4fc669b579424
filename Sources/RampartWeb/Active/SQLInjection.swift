import RampartCore
import RampartRegex

/// SQL injection by database error: a quote in a parameter produces a database's error message
/// (SQLite, PostgreSQL, MySQL, SQL Server, Oracle). The active scan also confirms injection by
/// a boolean differential (see `ActiveScan`), reported under this rule.
enum SQLInjection: ActiveRule {
    static let metadata = RuleMetadata.active(
        "40018", title: "SQL injection", severity: .high, cwe: 89,
        documentation: """
        A request parameter reaches an SQL statement as text: a quote in it breaks the statement \
        (the database's error comes back), or a condition appended to it changes the page as \
        `AND 1=1` versus `AND 1=2` would. Attackers read or change the whole database.

        **Fix:** use bound parameters (`cursor.execute("… WHERE id = ?", (id,))`, SQLAlchemy \
        `text()` with `:params`, the Django ORM), never string formatting.
        """,
        examples: [
            .triggers("# GET http://app.test/item?id=1%27rmpsql1234%22\nHTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<pre>sqlite3.OperationalError: unrecognized token: \"'rmpsql1234\"\"</pre>\n", fileName: "probe.http"),
            .triggers("# GET http://app.test/item?id=1%27rmpsql1234%22\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<b>Warning</b>: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version\n", fileName: "probe.http"),
            .triggers("# POST http://app.test/graphql\n# json: {\"query\":\"query($v: String!){user(name: $v){__typename}}\",\"variables\":{\"v\":\"rampart'rmpsql1234\\\"\"}}\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"data\":{\"user\":null},\"errors\":[{\"message\":\"near \\\"rmpsql1234\\\": syntax error\"}]}\n", fileName: "probe.http"),
            .passes("# GET http://app.test/item?id=1%27rmpsql1234%22\nHTTP/1.1 404 NOT FOUND\nContent-Type: text/html\n\n<p>No item 1'rmpsql1234\"</p>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/item?id=1\nHTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/html\n\n<pre>sqlite3.OperationalError: database is locked</pre>\n", fileName: "probe.http"),
        ]
    )

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        ["\(value)'rmpsql\(nonce.a)\""]
    }

    /// Error messages of the databases Python apps use, and of the big ones.
    static let errors: ByteRegex? = try? ByteRegex(
        #"(?i)(sqlite3?\.(?:Operational|Programming|Integrity)Error|unrecognized token: |near \\?"[^"]{0,40}\\?": syntax error|SQLITE_ERROR|"#
            + #"psycopg2?\.errors\.|syntax error at or near|unterminated quoted string at or near|PG::SyntaxError|"#
            + #"You have an error in your SQL syntax|MySQLSyntaxErrorException|mysql_fetch_|pymysql\.err\.|MySQLdb\._exceptions|"#
            + #"Unclosed quotation mark after the character string|Microsoft OLE DB Provider for SQL Server|\[SQL Server\]|SqlException|"#
            + #"ORA-0(?:0933|0921|1756)|quoted string not properly terminated|sqlalchemy\.exc\.(?:Operational|Programming)Error)"#)

    static func check(_ r: WebPage) -> [WebHit] {
        let probes = Payload.parameters(of: r, containing: "rmpsql")
        guard !probes.isEmpty, let errors else { return [] }
        let body = Array(Payload.body(r).utf8)
        let found = body.withUnsafeBufferPointer { errors.firstMatch(in: $0) }
        guard let match = found else { return [] }
        let evidence = String(decoding: body[match.range], as: UTF8.self)
        return probes.map { WebHit(parameter: $0.name, evidence: evidence) }
    }
}
