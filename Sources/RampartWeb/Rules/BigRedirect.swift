import RampartCore

enum BigRedirect: WebRule {
    static let metadata = RuleMetadata.web(
        "10044", title: "Big redirect (redirect response with content)", severity: .low, confidence: .medium, cwe: 201, owasp: .a04,
        documentation: """
        A redirect (3xx with `Location`) carries a body much larger than a redirect needs: the \
        application probably rendered the page anyway and redirected afterwards (for example \
        when a login check redirects but does not stop the view), so clients that ignore the \
        redirect read the protected content.

        **Fix:** return the redirect and stop (Flask `return redirect(...)`, `abort(302)`; \
        Django `return redirect(...)`, `@login_required`), never render first.
        """,
        examples: [
            .triggers("HTTP/1.1 302 Found\nLocation: /login\nContent-Type: text/html\n\n<html><body><h1>Admin</h1><table>" + String(repeating: "<tr><td>ana@example.org</td><td>admin</td></tr>", count: 20) + "</table></body></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 302 FOUND\nLocation: /login\nContent-Type: text/html; charset=utf-8\n\n<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"/login\">/login</a>. If not, click the link.\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard (300..<400).contains(r.status), r.status != 304, let location = r.header("location") else { return [] }
        // A generated redirect page quotes the target once or twice around a few hundred bytes of text.
        let allowed = 2 * location.utf8.count + 600
        guard r.body.count > allowed else { return [] }
        return [WebHit(evidence: "\(r.status) to \(PassiveScan.clip(location, 100)) with a \(r.body.count)-byte body")]
    }
}
