import Foundation
import RampartCore

enum UserControllableCharset: WebRule {
    static let metadata = RuleMetadata.web(
        "10030", title: "User controllable charset", severity: .info, confidence: .low, cwe: 20, owasp: .a03,
        documentation: """
        A request parameter sets the page's character encoding (the `charset` of `Content-Type`, \
        or of a `<meta charset>`): an attacker choosing UTF-7 or another exotic encoding can \
        make the browser read harmless-looking bytes as script.

        **Fix:** always serve UTF-8 (Flask and Django do by default) and never take the charset \
        from the request. A UTF-8 charset equal to a parameter is not reported: almost every \
        page is UTF-8, so the match shows nothing.
        """,
        examples: [
            .triggers("# GET https://shop.test/export?enc=UTF-7\nHTTP/1.1 200 OK\nContent-Type: text/html; charset=UTF-7\n\n<html></html>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/page?cs=iso-8859-7\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><meta charset=\"iso-8859-7\"></head></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/export?enc=UTF-7\nHTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<html></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/feed?charset=utf-8\nHTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        let parameters = r.requestParameters.filter { !$0.value.isEmpty }
        guard !parameters.isEmpty else { return [] }
        var charsets: [(source: String, value: String)] = []
        if let header = r.header("content-type"), let charset = CharsetMismatch.charset(inContentType: header) { charsets.append(("Content-Type", charset)) }
        if r.isHTML, let meta = CharsetMismatch.metaCharset(r) { charsets.append(("meta", meta)) }
        // Nearly every page is UTF-8: a parameter saying so shows no control.
        for (source, charset) in charsets where CharsetMismatch.canonical(charset) != "utf-8" {
            if let parameter = parameters.first(where: { $0.value.trimmingWhitespace().lowercased() == charset.lowercased() }) {
                return [WebHit(parameter: parameter.name, evidence: "\(source) charset=\(PassiveScan.clip(charset, 40))")]
            }
        }
        return []
    }
}
