import RampartCore
import RampartRegex

enum SuspiciousComments: WebRule {
    static let metadata = RuleMetadata.web(
        "10027", title: "Suspicious comments", severity: .info, confidence: .low, cwe: 615, owasp: .a05, optIn: true,
        documentation: """
        An HTML comment, or a comment in a script, holds a developer note that may help an \
        attacker: `TODO`/`FIXME`/`HACK`/`XXX`/`BUG`, or words about passwords, secrets, keys, \
        admin access, debugging or SQL. Noisy by nature, so, as in ZAP's default baseline, the \
        rule runs only when enabled (`web.enable` or a ZAP config level).

        **Fix:** strip comments from production HTML and bundles (Jinja2 `{# … #}` and Django \
        `{# … #}` comments are never sent; minify scripts), and never leave credentials in comments.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><!-- TODO: remove the admin backdoor before launch --></html>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nvar url = \"https://api.shop.test/v1\"; // FIXME hard-coded api key below\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><!-- main navigation --><!--[if IE]><p>Old browser</p><![endif]--><p>Admin TODO list</p></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nvar url = \"https://example.org/TODO\"; var re = /https?:\\/\\//; // render the list\n", fileName: "page.http"),
        ]
    )

    static let words: ByteRegex? = try? ByteRegex(
        #"\b(?:TODO|FIXME|HACK|XXX|BUGS?)\b|(?i:\b(?:passw(?:or)?d|pwd|secret|api[_ -]?key|credentials?|private key|admin(?:istrator)?|backdoor|debug|select\s[^;]{1,80}?\sfrom)\b)"#)

    static func check(_ r: WebPage) -> [WebHit] {
        var comments: [String] = []
        if r.isJavaScriptResponse {
            comments = scriptComments(Array(r.body.prefix(PassiveScan.maxScanBytes)))
        } else if r.isHTML, r.body.count < PassiveScan.maxScanBytes {
            for token in r.tokens {
                if case .comment(let text) = token, !text.hasPrefix("[if"), !text.hasPrefix("<![endif]"), !text.hasPrefix("[endif]") { comments.append(text) }
            }
            for script in PassiveScan.inlineScripts(r.tokens) { comments += scriptComments(Array(script.utf8)) }
        } else {
            return []
        }
        var hits: [WebHit] = []
        var seen = Set<String>()
        for comment in comments {
            let bytes = Array(comment.utf8)
            guard let (match, _) = PassiveScan.firstMatch(words, in: bytes) else { continue }
            let start = max(0, match.range.lowerBound - 40), end = min(bytes.count, match.range.upperBound + 80)
            let evidence = PassiveScan.clip(String(decoding: bytes[start..<end], as: UTF8.self), 140)
            guard seen.insert(evidence).inserted else { continue }
            hits.append(WebHit(evidence: evidence))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }

    /// The comments of a script: `//` to the end of the line, `/* … */`; strings are skipped.
    /// A `//` counts only after a space, a line start or punctuation (so `/\/\//` regular
    /// expressions and URLs outside strings are not comments).
    static func scriptComments(_ b: [UInt8]) -> [String] {
        var comments: [String] = []
        var i = 0
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), newline = UInt8(ascii: "\n"), backslash = UInt8(ascii: "\\")
        while i < b.count, comments.count < 5_000 {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                // A string: to its closing quote (plain strings also end at a line end).
                var j = i + 1
                while j < b.count, b[j] != c, c == UInt8(ascii: "`") || b[j] != newline { j += b[j] == backslash ? 2 : 1 }
                i = j + 1
                continue
            }
            if c == slash, i + 1 < b.count {
                let previous: UInt8 = i > 0 ? b[i - 1] : newline
                if b[i + 1] == slash, i == 0 || [newline, 0x20, 0x09, 0x0D, UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: ",")].contains(previous) {
                    let end = b[(i + 2)...].firstIndex(of: newline) ?? b.count
                    comments.append(String(decoding: b[(i + 2)..<end], as: UTF8.self))
                    i = end
                    continue
                }
                if b[i + 1] == star {
                    var j = i + 2
                    while j + 1 < b.count, !(b[j] == star && b[j + 1] == slash) { j += 1 }
                    let end = min(j, b.count)
                    // License banners (`/*! … */`) are not developer notes.
                    if i + 2 < b.count, b[i + 2] != UInt8(ascii: "!") { comments.append(String(decoding: b[(i + 2)..<end], as: UTF8.self)) }
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return comments
    }
}
