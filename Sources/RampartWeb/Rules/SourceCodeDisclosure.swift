import RampartCore
import RampartRegex

enum SourceCodeDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "10099", title: "Source code disclosure", severity: .medium, confidence: .medium, cwe: 540, owasp: .a05,
        documentation: """
        The response contains server-side source code that should have run, not been sent: PHP \
        (`<?php`), JSP or ASP page directives, or a Python module served as text (imports, \
        `def`/`class` lines, `app = Flask(__name__)`, `if __name__ == "__main__":`). Source \
        reveals logic, paths and often credentials (`SECRET_KEY`, database URLs).

        **Fix:** keep application code outside the web root and static folders (Flask \
        `static_folder` only for assets, Django `STATIC_ROOT` separate from the project), and \
        make the server execute or refuse `.php`/`.py` files, never serve them as text.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><?php $db = mysqli_connect('localhost', 'root', 'pw'); ?></html>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/static/app.py\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nimport os\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route(\"/\")\ndef index():\n    return \"hi\"\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>&lt;?php echo 'escaped in a tutorial'; ?&gt;</pre>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<pre>from flask import Flask\napp = Flask(__name__)\n</pre>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/static/app.js\nHTTP/1.1 200 OK\nContent-Type: application/javascript\n\nimport x from \"./x.js\";\nclass A extends B {}\n", fileName: "page.http"),
        ]
    )

    static let serverPage: ByteRegex? = try? ByteRegex(
        #"<\?php\s|<%@\s*(?:page|taglib|include)\s[^%]{0,200}%>|<%@\s*(?:Page\s+)?Language\s*=\s*["']?(?:VBScript|JScript|C#|VB)"#
            + #"|<%\s*(?:Response\.Write|Dim\s|Server\.CreateObject|Set\s+\w+\s*=\s*Server\.)"#, options: .caseInsensitive)

    /// Python source lines, each a separate kind of evidence.
    static let python: [ByteRegex?] = [
        try? ByteRegex(#"^(?:from\s+[\w.]+\s+import\s+[\w*(]|import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*\s*$)"#, options: .multiline),
        try? ByteRegex(#"^\s*(?:async\s+)?def\s+\w+\s*\([^)\n]*\)\s*(?:->\s*[^:\n]+)?:\s*$"#, options: .multiline),
        try? ByteRegex(#"^class\s+\w+\s*(?:\([^)\n]*\))?\s*:\s*$"#, options: .multiline),
        try? ByteRegex(#"^if\s+__name__\s*==\s*["']__main__["']\s*:"#, options: .multiline),
        try? ByteRegex(#"\b\w+\s*=\s*(?:Flask|FastAPI|Blueprint)\(\s*__name__|^@\w+\.(?:route|get|post)\(|^(?:SECRET_KEY|DATABASES|INSTALLED_APPS)\s*="#, options: .multiline),
    ]

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), !r.body.isEmpty, !r.isJavaScriptResponse else { return [] }
        let type = r.contentType
        if r.isTextResponse, let (_, text) = PassiveScan.firstMatch(serverPage, in: r.body) {
            return [WebHit(evidence: PassiveScan.clip(text, 80))]
        }
        // Python only outside HTML (a page may show code in <pre>): as text, or as a .py download.
        let path = PassiveScan.path(of: r.url).lowercased()
        let isPythonFile = path.hasSuffix(".py") || path.hasSuffix(".pyw")
        guard !r.isHTML, type.isEmpty || type.hasPrefix("text/plain") || type.contains("python") || type.contains("octet-stream") || isPythonFile else { return [] }
        var evidence: [String] = []
        for regex in python {
            if let (_, text) = PassiveScan.firstMatch(regex, in: r.body) { evidence.append(PassiveScan.clip(text, 60)) }
        }
        guard evidence.count >= 2 || (isPythonFile && evidence.count == 1) else { return [] }
        return [WebHit(evidence: PassiveScan.clip(evidence.prefix(3).joined(separator: " | "), 180))]
    }
}
