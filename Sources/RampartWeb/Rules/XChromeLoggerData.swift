import Foundation
import RampartCore

enum XChromeLoggerData: WebRule {
    static let metadata = RuleMetadata.web(
        "10052", title: "X-ChromeLogger-Data header leaks server logs", severity: .medium, confidence: .high, cwe: 200, owasp: .a05,
        documentation: """
        The response carries `X-ChromeLogger-Data` (or the older `X-ChromePhp-Data`): the \
        server-side log of the request, base64-encoded JSON meant for a developer's browser \
        extension. Anyone can decode it; it often holds file paths, queries and variables.

        **Fix:** disable the ChromeLogger handler outside development (Python `chromelogger` / \
        `django-chromelogger` middleware, PHP ChromePhp).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nX-ChromeLogger-Data: eyJ2ZXJzaW9uIjoiNC4wIiwiY29sdW1ucyI6WyJsb2ciLCJiYWNrdHJhY2UiLCJ0eXBlIl0sInJvd3MiOltdfQ==\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        var hits: [WebHit] = []
        for name in ["x-chromelogger-data", "x-chromephp-data"] {
            guard let value = r.header(name)?.trimmingWhitespace(), !value.isEmpty else { continue }
            // Show what decodes (the log's start), never pages of it.
            var padded = value
            while padded.count % 4 != 0 { padded += "=" }
            let decoded = Data(base64Encoded: padded).map { String(decoding: $0.prefix(90), as: UTF8.self) }
            let headerName = name == "x-chromelogger-data" ? "X-ChromeLogger-Data" : "X-ChromePhp-Data"
            hits.append(WebHit(parameter: name, evidence: headerName + ": " + PassiveScan.clip(decoded ?? value, 100)))
        }
        return hits
    }
}
