import RampartCore

enum DirectoryBrowsing: WebRule {
    static let metadata = RuleMetadata.web(
        "10033", title: "Directory browsing enabled", severity: .medium, confidence: .medium, cwe: 548, owasp: .a01,
        documentation: """
        The page is a server-generated directory listing (Apache or nginx `Index of /`, Python \
        `http.server`'s `Directory listing for /`, IIS, Tomcat): every file in the folder is \
        listed, including backups, configuration and uploads never meant to be linked.

        **Fix:** turn listings off (nginx `autoindex off;`, Apache `Options -Indexes`), never \
        serve a project with `python -m http.server`, and serve static files through Flask's or \
        Django's static handling or a CDN.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><title>Index of /uploads/</title></head><body><h1>Index of /uploads/</h1><hr><pre><a href=\"../\">../</a>\n<a href=\"db.sql\">db.sql</a></pre></body></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.0 200 OK\nServer: SimpleHTTP/0.6 Python/3.11.4\nContent-Type: text/html; charset=utf-8\n\n<!DOCTYPE HTML>\n<html lang=\"en\"><head><title>Directory listing for /</title></head><body><h1>Directory listing for /</h1><hr><ul><li><a href=\".env\">.env</a></li></ul></body></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><title>Index of products</title></head><body><h1>Product index</h1></body></html>\n", fileName: "page.http"),
        ]
    )

    static let signatures: [(String, String)] = [
        ("<title>Index of /", "<h1>Index of /"),                        // Apache, nginx autoindex
        ("<title>Directory listing for /", "<h1>Directory listing for /"),  // Python http.server
        ("<title>Directory Listing For /", "Directory Listing For /"),   // Tomcat
        ("[To Parent Directory]", "<pre>"),                              // IIS
        ("<title>Index of /", "Parent Directory</a>"),                   // Apache fancy indexing
        ("<title>listing directory /", "id=\"files\""),                  // Node serve-index
    ]

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        let head = String(decoding: r.body.prefix(64 << 10), as: UTF8.self)
        for (title, marker) in signatures where head.contains(title) && head.contains(marker) {
            return [WebHit(evidence: title)]
        }
        return []
    }
}
