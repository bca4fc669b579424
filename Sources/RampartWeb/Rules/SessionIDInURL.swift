import Foundation
import RampartCore
import RampartRegex

enum SessionIDInURL: WebRule {
    static let metadata = RuleMetadata.web(
        "00003", title: "Session ID in URL rewrite", severity: .medium, confidence: .medium, cwe: 598, owasp: .a07,
        documentation: """
        A session identifier travels in the URL (`;jsessionid=…`, `?PHPSESSID=…`, \
        `?session_id=…`), in the request or in links the page hands out: URLs end up in browser \
        history, server and proxy logs, and the `Referer` sent to other sites, so the session \
        can be taken over. Values of eight characters or less are not read as session ids.

        **Fix:** keep sessions in cookies only (`HttpOnly`, `Secure`); disable URL rewriting \
        (Java `tracking-mode COOKIE`, PHP `session.use_only_cookies=1`); Flask and Django use \
        cookies by default, so look for hand-built links carrying a token.
        """,
        examples: [
            .triggers("# GET https://shop.test/cart;jsessionid=8F3A9C21B7D4E6F0A1B2C3D4\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"/orders?sessionid=f81d4fae7dec11d0a76500a0c91e6bf6\">Orders</a>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/search?q=shoes&sid=1\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<a href=\"/orders?page=2\">Orders</a>\n", fileName: "page.http"),
        ]
    )

    static let names: Set<String> = [
        "jsessionid", "phpsessid", "sid", "sessionid", "session_id", "session-id", "sessid", "session", "sess", "sessiontoken", "session_token",
        "_session_id", "cfid", "cftoken", "aspsessionid", "asp.net_sessionid", "connect.sid", "zenid", "oscsid", "s", "sesskey",
    ]

    static func sessionParameter(in url: String) -> (name: String, value: String)? {
        // `;jsessionid=…` path parameters (Java servlet URL rewriting).
        let path = PassiveScan.path(of: url)
        if let semicolon = path.firstIndex(of: ";") {
            for part in path[path.index(after: semicolon)...].split(separator: ";") {
                let pieces = part.split(separator: "=", maxSplits: 1)
                if pieces.count == 2, names.contains(pieces[0].lowercased()) || pieces[0].lowercased().hasPrefix("aspsessionid"), isToken(String(pieces[1])) {
                    return (String(pieces[0]), String(pieces[1]))
                }
            }
        }
        for (name, value) in PassiveScan.queryParameters(of: url) {
            let lower = name.lowercased()
            guard names.contains(lower) || lower.hasPrefix("aspsessionid"), lower != "s" || value.count >= 16, isToken(value) else { continue }
            return (name, value)
        }
        return nil
    }

    /// Session ids are long runs of letters, digits and `-_.%`; anything shorter or with spaces is not one.
    static func isToken(_ value: String) -> Bool {
        value.count > 8 && value.count < 512 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.%=+/".contains($0)) }
            && value.contains(where: \.isNumber)
    }

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        if let (name, value) = sessionParameter(in: r.url) {
            hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("\(name)=\(PassiveScan.mask(value)) in the request URL", 200)))
        }
        guard r.isSuccessfulHTML, r.body.count < PassiveScan.maxScanBytes,
              PassiveScan.firstMatch(mention, in: r.body) != nil else { return hits }
        let host = URLHost.of(r.url)
        var seen = Set<String>()
        for token in r.tokens {
            guard case .startTag(let element, let attributes, _) = token, element == "a" || element == "form" || element == "area" || element == "link" || element == "iframe",
                  let link = PassiveScan.attribute(attributes, element == "form" ? "action" : element == "iframe" ? "src" : "href"),
                  link.contains("="), !link.contains("://") || URLHost.of(link) == host else { continue }
            guard let (name, value) = sessionParameter(in: link), seen.insert(value).inserted else { continue }
            hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("\(name)=\(PassiveScan.mask(value)) in a link to \(PassiveScan.clip(PassiveScan.path(of: link), 80))", 200)))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }

    /// A cheap guard before reading the links: a session parameter appears in the body at all.
    static let mention = try? ByteRegex("[?;&](?i:" + names.sorted().map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + "|aspsessionid\\w*)=")
}
