import Foundation
import RampartCore

enum AntiCSRFTokensMissing: WebRule {
    static let metadata = RuleMetadata.web(
        "10202", title: "Absence of anti-CSRF tokens", severity: .medium, confidence: .low, cwe: 352, owasp: .a01,
        documentation: """
        A form that changes state (`method="post"`) carries no anti-CSRF token under any common \
        name (`csrf_token` of Flask-WTF, `csrfmiddlewaretoken` of Django, `authenticity_token`, \
        `_csrf`, `_token`, …), so another site can submit it with the user's cookies. Forms sent \
        with GET are not reported (they must not change state), unlike ZAP.

        **Fix:** enable the framework's CSRF protection (Flask-WTF `CSRFProtect`, Django's \
        middleware) and render the token in every POST form.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\" action=\"/transfer\"><input name=\"amount\"></form>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<form method=\"post\"><input type=\"hidden\" name=\"csrf_token\" value=\"x\"><input name=\"amount\"></form>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<form action=\"/search\"><input name=\"q\"></form>\n", fileName: "page.http"),
        ]
    )

    static let tokenNames: Set<String> = [
        "csrf_token", "csrfmiddlewaretoken", "authenticity_token", "_csrf", "_token", "csrf", "csrftoken", "xsrf", "_xsrf",
        "xsrf_token", "anticsrf", "__requestverificationtoken", "_csrf_token", "csrf-token", "__csrf_magic", "_wpnonce",
    ]

    /// A field name that carries an anti-CSRF token (never fuzzed by the active checks).
    static func isTokenName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return tokenNames.contains(lower) || lower.contains("csrf") || lower.contains("xsrf")
    }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        let tags = PassiveScan.formTags(in: r.body)
        return r.forms.enumerated().filter { _, form in
            form.method == "POST" && !form.fields.contains { tokenNames.contains($0.name.lowercased()) }
        }.map { index, form in
            WebHit(parameter: form.fields.first?.name, evidence: index < tags.count && tags.count == r.forms.count ? tags[index] : "<form method=\"post\" action=\"\(form.action)\">")
        }
    }
}
