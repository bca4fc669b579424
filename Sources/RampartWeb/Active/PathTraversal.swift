import RampartCore

/// Path traversal: a parameter names a file, and `../` reaches outside the intended folder.
enum PathTraversal: ActiveRule {
    static let metadata = RuleMetadata.active(
        "6", title: "Path traversal", severity: .high, cwe: 22, owasp: .a01,
        documentation: """
        A parameter becomes part of a file path, and `../` sequences or an absolute path reach \
        files outside the intended folder (`/etc/passwd` here; configuration, keys and source \
        code in practice).

        **Fix:** serve files with `flask.send_from_directory` / `werkzeug.utils.safe_join`, or \
        map ids to files; never join user input into a path.
        """,
        examples: [
            .triggers("# GET http://app.test/download?file=..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nroot:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", fileName: "probe.http"),
            .passes("# GET http://app.test/download?file=..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd\nHTTP/1.1 404 NOT FOUND\nContent-Type: text/html\n\n<p>No file ../../../../../../../../etc/passwd</p>\n", fileName: "probe.http"),
            .passes("# GET http://app.test/doc?file=report.txt\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nroot:x:0:0:root:/root:/bin/bash\n", fileName: "probe.http"),
        ]
    )

    static func wants(_ name: String, value: String) -> Bool {
        let lower = name.lowercased()
        return ["file", "path", "page", "doc", "document", "folder", "dir", "name", "filename", "template", "include", "load", "download", "img", "image"].contains { lower.contains($0) }
            || value.contains("/") || value.contains(".")
    }

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        [String(repeating: "../", count: 8) + "etc/passwd", "/etc/passwd", String(repeating: "....//", count: 8) + "etc/passwd"]
    }

    static func check(_ r: WebPage) -> [WebHit] {
        let probes = Payload.parameters(of: r, containing: "etc/passwd")
        guard !probes.isEmpty, (200..<300).contains(r.status) else { return [] }
        let body = Payload.body(r)
        guard let range = body.range(of: "root:x:0:0:") ?? body.range(of: "root:*:0:0:") ?? body.range(of: "root::0:0:") else { return [] }
        let line = body[range.lowerBound...].prefix { $0 != "\n" && $0 != "<" }
        return probes.map { WebHit(parameter: $0.name, evidence: String(line.prefix(120))) }
    }
}
