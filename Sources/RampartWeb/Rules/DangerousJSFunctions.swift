import RampartCore
import RampartRegex

enum DangerousJSFunctions: WebRule {
    static let metadata = RuleMetadata.web(
        "10110", title: "Dangerous JavaScript functions", severity: .low, confidence: .low, cwe: 749, owasp: .a03,
        documentation: """
        A script (a JavaScript response or an inline `<script>`) calls a function that turns \
        strings into code or switches off output encoding: `eval(…)`, `new Function(…)`, or \
        Angular's `bypassSecurityTrust…(…)`. If any part of the string comes from the URL, the \
        DOM or an API answer, that is DOM-based cross-site scripting. One instance per function \
        and response.

        **Fix:** parse data with `JSON.parse`, pass functions instead of strings to \
        `setTimeout`, let Angular sanitize; a CSP without `'unsafe-eval'` blocks the first two.
        """,
        examples: [
            .triggers("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nvar config = eval(\"(\" + location.hash.slice(1) + \")\");\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<script>this.html = this.sanitizer.bypassSecurityTrustHtml(userBio);</script>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nconst data = JSON.parse(text); page.evaluate(fn); retrieval(1);\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Never call eval() on user input.</p>\n", fileName: "page.http"),
        ]
    )

    static let calls: ByteRegex? = try? ByteRegex(
        #"(?<![\w$.])(?:window\.|self\.|globalThis\.)?(eval)\s*\(|(?<![\w$.])new\s+(Function)\s*\(|\.(bypassSecurityTrust(?:Html|Script|Style|Url|ResourceUrl))\s*\("#)

    static func check(_ r: WebPage) -> [WebHit] {
        let sources: [[UInt8]]
        if r.isJavaScriptResponse {
            sources = [r.body]
        } else if r.isHTML, r.body.count < PassiveScan.maxScanBytes, PassiveScan.firstMatch(calls, in: r.body) != nil {
            sources = PassiveScan.inlineScripts(r.tokens).map { Array($0.utf8) }
        } else {
            return []
        }
        var hits: [WebHit] = []
        var seen = Set<String>()
        for source in sources {
            for (match, text) in PassiveScan.matches(calls, in: source, limit: 100) {
                let function = (1...3).lazy.compactMap { PassiveScan.group($0, of: match, in: source) }.first ?? text
                guard seen.insert(function).inserted else { continue }
                hits.append(WebHit(evidence: PassiveScan.clip(context(of: match.range, in: source), 120)))
            }
        }
        return hits
    }

    /// The call with a little of what follows it (`eval("(" + location.hash…`), on its line.
    static func context(of range: Range<Int>, in bytes: [UInt8]) -> String {
        var end = min(bytes.count, range.upperBound + 80)
        if let newline = bytes[range.upperBound..<end].firstIndex(of: 0x0A) { end = newline }
        return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self)
    }
}
