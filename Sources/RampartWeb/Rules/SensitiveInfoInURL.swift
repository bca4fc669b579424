import Foundation
import RampartCore
import RampartRegex

enum SensitiveInfoInURL: WebRule {
    static let metadata = RuleMetadata.web(
        "10024", title: "Sensitive information in URL", severity: .info, confidence: .medium, cwe: 598, owasp: .a04,
        documentation: """
        The request URL carries a password, token, API key or secret (by parameter name), an \
        e-mail address, or a payment card number (by value): URLs are kept in browser history, \
        server and proxy logs, and sent to other sites in `Referer`. Session ids are reported by \
        `web/00003`.

        **Fix:** send credentials and personal data in POST bodies or headers \
        (`Authorization`), never in query strings; in Flask or Django forms use \
        `method="post"` for logins and sign-ups.
        """,
        examples: [
            .triggers("# GET https://shop.test/login?user=ana&password=hunter2\nHTTP/1.1 302 Found\nLocation: /\n\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/api/orders?api_key=sk_live_51HxYzAbCdEf\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{}\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/newsletter?email=ana%40example.org\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Thanks</p>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/search?q=token+rings&page=2&password_reset=\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Results</p>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/form?csrf_token=Zm9vYmFyYmF6cXV4\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>ok</p>\n", fileName: "page.http"),
        ]
    )

    /// Parameter names that hold a credential (whole words of the name, `_`/`-` separated).
    static let credentialWords: Set<String> = [
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "apikey", "jwt", "auth", "credential", "credentials", "pin", "otp",
    ]
    static let credentialNames: Set<String> = [
        "api_key", "api-key", "access_token", "accesstoken", "auth_token", "authtoken", "id_token", "refresh_token", "client_secret",
        "private_key", "secret_key", "access_key", "bearer", "ssn",
    ]

    static let email: ByteRegex? = try? ByteRegex(#"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}$"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.url.contains("?") else { return [] }
        var hits: [WebHit] = []
        for (name, value) in PassiveScan.queryParameters(of: r.url) {
            let trimmed = value.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            let lower = name.lowercased()
            if lower.contains("csrf") || lower.contains("xsrf") || SessionIDInURL.names.contains(lower) { continue }
            let words = Set(lower.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == "[" || $0 == "]" }).map(String.init))
            if credentialNames.contains(lower) || !words.isDisjoint(with: credentialWords) {
                // A token-like name with a value too short or plain to be one (`token=1`) is not reported.
                if words.isDisjoint(with: ["password", "passwd", "pwd", "pass", "passphrase", "pin"]), trimmed.count < 8 { continue }
                hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("\(name)=\(PassiveScan.mask(trimmed))", 200)))
            } else if email?.matches(trimmed) == true {
                hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("\(name)=\(PassiveScan.mask(trimmed)) (e-mail address)", 200)))
            } else if trimmed.count <= 23, trimmed.allSatisfy({ $0.isNumber || $0 == " " || $0 == "-" }), let brand = PIIDisclosure.cardBrand(trimmed) {
                hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("\(name)=\(PassiveScan.mask(trimmed)) (\(brand) card number)", 200)))
            }
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
