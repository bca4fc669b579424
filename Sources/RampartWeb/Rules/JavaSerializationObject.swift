import RampartCore
import RampartRegex

enum JavaSerializationObject: WebRule {
    static let metadata = RuleMetadata.web(
        "90002", title: "Java serialization object in response", severity: .medium, confidence: .medium, cwe: 502, owasp: .a08,
        documentation: """
        The response carries a Java serialized object (the `AC ED 00 05` stream header, or its \
        base64 `rO0AB` or hex `aced0005` forms): if the application reads such objects back \
        from clients (cookies, hidden fields, parameters), a crafted object can run code on the \
        server during deserialization.

        **Fix:** exchange data as JSON with a schema; if Java serialization must stay, use an \
        allow-list `ObjectInputFilter`. In Python the same applies to `pickle`: never unpickle \
        client data.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<input type=\"hidden\" name=\"state\" value=\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\">\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<input type=\"hidden\" name=\"state\" value=\"eyJjYXJ0IjogWzFdfQ==\">\n", fileName: "page.http"),
        ]
    )

    /// Base64 `rO0AB` (not inside a longer base64 run) or hex `aced0005`.
    static let encoded: ByteRegex? = try? ByteRegex(#"(?<![A-Za-z0-9+/])rO0AB[A-Za-z0-9+/]|(?<![0-9A-Fa-f])(?i:aced0005)[0-9a-fA-F]{2}"#)

    static func check(_ r: WebPage) -> [WebHit] {
        let body = r.body
        guard body.count >= 6 else { return [] }
        if body[0] == 0xAC, body[1] == 0xED, body[2] == 0x00, body[3] == 0x05 {
            return [WebHit(evidence: "AC ED 00 05 (serialized Java object)")]
        }
        guard let (_, text) = PassiveScan.firstMatch(encoded, in: body) else { return [] }
        return [WebHit(evidence: String(text.prefix(8)) + "…")]
    }
}
