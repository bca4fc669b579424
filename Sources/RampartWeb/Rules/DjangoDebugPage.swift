import RampartCore

enum DjangoDebugPage: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-django-debug", title: "Django DEBUG page exposed", severity: .high, confidence: .high, cwe: 489, zap: false,
        documentation: """
        The response is one of Django's debug pages (a technical 500 traceback, or the 404 page \
        that lists every URL pattern), shown only when `DEBUG = True`: settings, paths, SQL and \
        the site's URL map are disclosed. ZAP has no rule for it.

        **Fix:** set `DEBUG = False` in production settings (from the environment), with \
        `ALLOWED_HOSTS` set.
        """,
        examples: [
            .triggers("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html><body><p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns</p><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html><body><h1>Not Found</h1></body></html>\n", fileName: "page.http"),
        ]
    )

    static let markers = PassiveScan.literals(["DEBUG = True", "Django tried these URL patterns", "Django Version:"])

    static func check(_ r: WebPage) -> [WebHit] {
        // A cheap byte scan first: this rule runs on every response.
        guard PassiveScan.firstMatch(markers, in: r.body) != nil else { return [] }
        let text = r.text
        guard text.contains("You're seeing this error because you have <code>DEBUG = True</code>") || (text.contains("Django tried these URL patterns") && text.contains("URLconf"))
            || (text.contains("Traceback") && text.contains("Django Version:") && text.contains("Exception Value:")) else { return [] }
        return [WebHit(evidence: text.contains("DEBUG = True") ? "DEBUG = True" : "Django Version:")]
    }
}
