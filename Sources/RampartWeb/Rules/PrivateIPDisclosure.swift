import RampartCore
import RampartRegex

enum PrivateIPDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "00002", title: "Private IP address disclosed", severity: .low, confidence: .medium, cwe: 200, owasp: .a05,
        documentation: """
        The response contains a private (RFC 1918) IPv4 address, `10.x`, `172.16–31.x` or \
        `192.168.x`, or an AWS internal host name (`ip-10-0-0-12`): it maps the internal network \
        for an attacker and hints at server-side request forgery targets. Not reported when the \
        site itself is served from a private address (the address is then no secret).

        **Fix:** remove internal addresses from pages, error messages and API answers (check \
        Flask/Django settings rendered in templates and proxy headers echoed back).
        """,
        examples: [
            .triggers("# GET https://shop.test/status\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Served by 10.0.12.7:8080</p>\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/status\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"host\": \"ip-172-31-5-20.ec2.internal\"}\n", fileName: "page.http"),
            .passes("# GET https://shop.test/status\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Version 10.0.12.7.3, sample 192.168.300.1</p>\n", fileName: "page.http"),
            .passes("# GET http://192.168.1.20/\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Printer at 192.168.1.21</p>\n", fileName: "page.http"),
        ]
    )

    static let address: ByteRegex? = try? ByteRegex(
        #"(?<![\w.])(?:(10)\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|(172)\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|(192)\.(168)\.(\d{1,3})\.(\d{1,3}))(?!\.?\d)(?::\d{1,5})?"#
            + #"|\bip-(?:10-\d{1,3}|172-(?:1[6-9]|2\d|3[01])|192-168)-\d{1,3}-\d{1,3}\b"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.body.isEmpty else { return [] }
        let host = URLHost.of(r.url)
        if isPrivate(host) { return [] }
        var hits: [WebHit] = []
        var seen = Set<String>()
        for (match, text) in PassiveScan.matches(address, in: r.body, limit: 200) {
            let octets = (1...12).compactMap { PassiveScan.group($0, of: match, in: r.body).flatMap { Int($0) } }
            guard octets.allSatisfy({ $0 <= 255 }) else { continue }
            // 172.x is private for 172.16–172.31 only.
            if PassiveScan.group(5, of: match, in: r.body) != nil, let second = octets.dropFirst().first, !(16...31).contains(second) { continue }
            guard seen.insert(text).inserted else { continue }
            hits.append(WebHit(evidence: text))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }

    static func isPrivate(_ host: String) -> Bool {
        let parts = host.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 192 && parts[1] == 168)
    }
}
