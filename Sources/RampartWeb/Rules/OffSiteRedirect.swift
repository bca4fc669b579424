import Foundation
import RampartCore

enum OffSiteRedirect: WebRule {
    static let metadata = RuleMetadata.web(
        "10028", title: "Off-site redirect controlled by a request parameter", severity: .high, confidence: .medium, cwe: 601, owasp: .a01,
        documentation: """
        The response redirects to another site (a `Location` header, a `Refresh` header or a \
        `<meta http-equiv="refresh">`), and the target comes from a request parameter \
        (`?next=https://evil.test/`): an open redirect, which lends the site's name to phishing \
        links and can leak OAuth codes and tokens.

        **Fix:** redirect only to relative paths or an allow-list of hosts (Django \
        `url_has_allowed_host_and_scheme(next, allowed_hosts={request.get_host()})`; in Flask \
        check `urlsplit(next).netloc == ""` before `redirect(next)`).
        """,
        examples: [
            .triggers("# GET https://shop.test/login?next=https://evil.test/phish\nHTTP/1.1 302 Found\nLocation: https://evil.test/phish\n\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/out?to=%2F%2Fevil.test\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<meta http-equiv=\"refresh\" content=\"0; url=//evil.test\">\n", fileName: "page.http"),
            .passes("# GET https://shop.test/login?next=/account\nHTTP/1.1 302 Found\nLocation: /account\n\n", fileName: "page.http"),
            .passes("# GET https://shop.test/login\nHTTP/1.1 302 Found\nLocation: https://sso.other.test/authorize\n\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        var targets: [(source: String, url: String)] = []
        if (300..<400).contains(r.status), let location = r.header("location") { targets.append(("Location", location)) }
        if let refresh = r.header("refresh"), let url = refreshURL(refresh) { targets.append(("Refresh", url)) }
        guard !targets.isEmpty || r.isHTML else { return [] }
        let parameters = r.requestParameters.filter { !$0.value.isEmpty }
        guard !parameters.isEmpty else { return [] }
        if r.isHTML, r.body.count < PassiveScan.maxScanBytes {
            for token in r.tokens {
                guard case .startTag("meta", let attributes, _) = token,
                      PassiveScan.attribute(attributes, "http-equiv")?.lowercased() == "refresh",
                      let content = PassiveScan.attribute(attributes, "content"), let url = refreshURL(content) else { continue }
                targets.append(("meta refresh", url))
            }
        }
        let host = URLHost.of(r.url)
        for (source, target) in targets {
            let trimmed = target.trimmingWhitespace()
            let absolute = trimmed.hasPrefix("//") ? "https:" + trimmed : trimmed.replacingOccurrences(of: "\\", with: "/")
            let targetHost = URLHost.of(absolute)
            guard !targetHost.isEmpty, !PassiveScan.sameSite(targetHost, host) else { continue }
            for (name, value) in parameters {
                let v = value.trimmingWhitespace()
                let valueHost = URLHost.of(v.hasPrefix("//") ? "https:" + v : v.replacingOccurrences(of: "\\", with: "/"))
                // `next=https://evil.test/x`, `next=//evil.test`, `next=evil.test/x` (the app adds a scheme).
                let bareHost = v.contains("://") ? "" : URLHost.of("https://" + v)
                if valueHost == targetHost || bareHost == targetHost {
                    return [WebHit(parameter: name, evidence: "\(source): \(PassiveScan.clip(trimmed, 150))")]
                }
            }
        }
        return []
    }

    /// The URL of a refresh instruction (`0; url=https://…`).
    static func refreshURL(_ content: String) -> String? {
        guard let range = content.range(of: "url", options: .caseInsensitive) else { return nil }
        var rest = content[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let url = rest.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        return url.isEmpty ? nil : url
    }
}
