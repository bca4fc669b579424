import RampartCore

enum StrictTransportSecurity: WebRule {
    static let metadata = RuleMetadata.web(
        "10035", title: "Strict-Transport-Security header missing or weak", severity: .low, cwe: 319, owasp: .a05,
        documentation: """
        An HTTPS page without `Strict-Transport-Security` (or with `max-age=0`) lets a network \
        attacker downgrade the next visit to plain HTTP. Checked on successful HTML pages over HTTPS.

        **Fix:** send `Strict-Transport-Security: max-age=31536000; includeSubDomains`.
        """,
        examples: [
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\nStrict-Transport-Security: max-age=0\n\n<html></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\nStrict-Transport-Security: max-age=31536000\n\n<html></html>\n", fileName: "page.http"),
            .passes("# GET http://shop.test/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isHTTPS, r.isSuccessfulHTML else { return [] }
        let values = r.headers("strict-transport-security")
        guard let value = values.first else { return [WebHit(parameter: "strict-transport-security")] }
        let maxAge = value.lowercased().split(separator: ";").compactMap { part -> Int? in
            let kv = part.trimmingWhitespace().split(separator: "=", maxSplits: 1)
            return kv.count == 2 && kv[0] == "max-age" ? Int(kv[1].trimmingCharacters(in: .init(charactersIn: "\" "))) : nil
        }.first
        if values.count > 1 || (maxAge ?? 0) <= 0 { return [WebHit(parameter: "strict-transport-security", evidence: values.joined(separator: ", "))] }
        return []
    }
}
