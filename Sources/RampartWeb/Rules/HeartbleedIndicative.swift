import Foundation
import RampartCore
import RampartRegex

enum HeartbleedIndicative: WebRule {
    static let metadata = RuleMetadata.web(
        "10034", title: "Heartbleed OpenSSL vulnerability (indicative)", severity: .high, confidence: .low, cwe: 119, owasp: .a06,
        documentation: """
        The `Server` (or `X-Powered-By`) header names an OpenSSL version affected by Heartbleed \
        (CVE-2014-0160: 1.0.1 to 1.0.1f, 1.0.2-beta), which leaks server memory (private keys, \
        session cookies, passwords) to anyone. The version string is only an indication: \
        distributions backport fixes, so confirm with a TLS test.

        **Fix:** upgrade OpenSSL, then replace the certificate's key and revoke sessions; hide \
        versions in the `Server` header.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nServer: Apache/2.2.22 (Ubuntu) mod_ssl/2.2.22 OpenSSL/1.0.1e\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nServer: Werkzeug/3.1.0 Python/3.12.1\nServer: Apache/2.4.7 (Ubuntu) OpenSSL/1.0.1f\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nServer: Apache/2.4.58 OpenSSL/1.0.1g\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nServer: nginx OpenSSL/1.0.12\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    /// 1.0.1, 1.0.1a–f and 1.0.2-beta (not 1.0.1g, not 1.0.10).
    static let vulnerable: ByteRegex? = try? ByteRegex(#"OpenSSL/(1\.0\.1[a-f]?|1\.0\.2-beta\d?)(?![0-9a-z.])"#, options: .caseInsensitive)

    static func check(_ r: WebPage) -> [WebHit] {
        // Every Server header: a proxy in front may add its own next to the application's.
        for (name, value) in r.exchange.headers.lazy.map({ ($0.name.lowercased(), $0.value) }) where name == "server" || name == "x-powered-by" {
            guard value.range(of: "openssl", options: .caseInsensitive) != nil, let match = vulnerable?.firstMatch(in: value) else { continue }
            let bytes = Array(value.utf8)
            guard match.range.upperBound <= bytes.count else { continue }
            return [WebHit(parameter: name, evidence: String(decoding: bytes[match.range], as: UTF8.self))]
        }
        return []
    }
}
