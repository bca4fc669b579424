import Foundation
import RampartCore
import RampartRegex

enum TimestampDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "10096", title: "Timestamp disclosure (Unix)", severity: .low, confidence: .low, cwe: 497, owasp: .a05, optIn: true,
        documentation: """
        The response contains 10-digit numbers that read as Unix timestamps within ten years of \
        now; server times can help predict tokens or correlate events. Most are harmless (cache \
        busters, API dates), which is why this rule, like ZAP's, runs only when enabled \
        (`web.enable` or a ZAP config level). Decimals and digits inside longer numbers are not read.

        **Fix:** review whether the value matters; prefer random tokens (`secrets.token_urlsafe`) \
        over time-based ones.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"created\": 1750000000}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": 12345678901, \"ratio\": 0.1750000000, \"count\": 9000000000}\n", fileName: "page.http"),
        ]
    )

    static let candidate: ByteRegex? = try? ByteRegex(#"(?<![\w.+-])[12]\d{9}(?![\w])(?!\.\d)"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css"), !r.body.isEmpty else { return [] }
        let now = Date().timeIntervalSince1970
        let year = 365.25 * 86_400
        var hits: [WebHit] = []
        var seen = Set<String>()
        for (_, text) in PassiveScan.matches(candidate, in: r.body, limit: 1000) {
            guard let value = Double(text), abs(value - now) <= 10 * year, seen.insert(text).inserted else { continue }
            let date = Date(timeIntervalSince1970: value).formatted(.iso8601)
            hits.append(WebHit(evidence: "\(text) (\(date))", confidence: abs(value - now) <= year ? .medium : .low))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }
}
