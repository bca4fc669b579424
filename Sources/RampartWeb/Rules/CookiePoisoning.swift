import RampartCore

enum CookiePoisoning: WebRule {
    static let metadata = RuleMetadata.web(
        "10029", title: "Cookie poisoning (request parameter in Set-Cookie)", severity: .info, confidence: .low, cwe: 565, owasp: .a03,
        documentation: """
        A request parameter's value is written into a `Set-Cookie` header (as the cookie's \
        name, value, domain or path): whoever crafts the link chooses the cookie, and a value \
        with `;` or a newline may add attributes or headers. Values too common to tell (`1`, \
        `true`, `en`) are not compared.

        **Fix:** validate the parameter against an allow-list before storing it (a language \
        code against supported languages) and let the framework encode the cookie \
        (Flask `response.set_cookie`, Django `response.set_cookie`), never build the header by hand.
        """,
        examples: [
            .triggers("# GET https://shop.test/prefs?theme=solarized-dark\nHTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: theme=solarized-dark; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/prefs?theme=1\nHTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: theme=1; Path=/\n\n<html></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/prefs?theme=solarized-dark\nHTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: session=a8f5f167f44f4964e6c998dee827110c; Path=/\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        let cookies = r.cookies.filter { !$0.isDeletion }
        guard !cookies.isEmpty else { return [] }
        var hits: [WebHit] = []
        for (name, value) in r.requestParameters where !PassiveScan.isTrivialValue(value) {
            for cookie in cookies {
                let reflected = cookie.name == value || cookie.value == value || (value.count >= 6 && cookie.value.contains(value))
                    || cookie.attributes["domain"] == value || cookie.attributes["path"] == value
                guard reflected else { continue }
                hits.append(WebHit(parameter: name, evidence: PassiveScan.clip("Set-Cookie: \(cookie.name) carries parameter \(name) (\"\(PassiveScan.clip(value, 60))\")", 200)))
                break
            }
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
