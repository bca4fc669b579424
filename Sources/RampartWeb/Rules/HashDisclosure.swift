import RampartCore
import RampartRegex

enum HashDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "10097", title: "Hash disclosure", severity: .high, confidence: .medium, cwe: 497, owasp: .a02,
        documentation: """
        The response contains a password hash: crypt formats (bcrypt `$2b$`, SHA-crypt `$6$`, \
        MD5-crypt `$1$`, Argon2), Django (`pbkdf2_sha256$…`) and Werkzeug (`pbkdf2:sha256:…`, \
        `scrypt:…`) password hashes, or a bare MD5/SHA hex digest labelled as a password \
        (medium) or as a hash (low). Hashes can be cracked offline. Unlabelled hex strings \
        (asset fingerprints, commit ids, ETags) are not reported, unlike ZAP.

        **Fix:** never serialize user records whole (Flask: choose the fields in the schema, \
        Django REST framework: exclude `password` from serializers); check templates and API \
        answers for password fields.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"user\": \"ana\", \"password\": \"pbkdf2:sha256:600000$Xk2LmQ9z$5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8\"}\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<td>$2b$12$KIXQJ1vA7kXy2h6xS0e1UOPrQWc0H2h1j7K3mN9pQ8rS4tU6vW8yC</td>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"password_hash\": \"5f4dcc3b5aa765d61d8327deb882cf99\"}\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>admin hash 5f4dcc3b5aa765d61d8327deb882cf99.</p>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<script src=\"/static/app.5f4dcc3b5aa765d61d8327deb882cf99.js\"></script><p>commit 3f786850e387550fdab836ed7e6dc881de23001b</p>\n", fileName: "page.http"),
        ]
    )

    static let crypt: ByteRegex? = try? ByteRegex(
        #"\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}(?![./A-Za-z0-9])"#
            + #"|\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}(?![./A-Za-z0-9])"#
            + #"|\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}(?![./A-Za-z0-9])"#
            + #"|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}"#
            + #"|\b(?:pbkdf2_sha256|pbkdf2_sha1|scrypt)\$\d+\$[A-Za-z0-9./+]{4,}\$[A-Za-z0-9+/]{20,}={0,2}"#
            + #"|\b(?:pbkdf2:sha(?:1|256|512)(?::\d+)?|scrypt:\d+:\d+:\d+)\$[A-Za-z0-9]{1,64}\$[0-9a-f]{32,128}\b"#)

    /// A hex digest labelled as a password (`password_hash`, `pwd`) or a hash (`hash: …`,
    /// `admin hash …`); group 1 is the label, group 2 the digest.
    static let labelled: ByteRegex? = try? ByteRegex(
        #"(?i:[\w-]{0,20}(pass(?:word|wd)?|pwd|pw_?hash|ntlm|hash)[\w-]{0,20})["']?(?:\s*[:=]\s*|\s+)["']?([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{128})(?![a-zA-Z0-9])"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css"), !r.body.isEmpty else { return [] }
        var hits: [WebHit] = []
        for (_, text) in PassiveScan.matches(crypt, in: r.body) {
            hits.append(WebHit(evidence: PassiveScan.mask(text) + " (" + kind(text) + ")"))
        }
        for (match, _) in PassiveScan.matches(labelled, in: r.body) where hits.count < PassiveScan.maxHits {
            guard let label = PassiveScan.group(1, of: match, in: r.body)?.lowercased(), let digest = PassiveScan.group(2, of: match, in: r.body) else { continue }
            let algorithm = [32: "MD5/NTLM", 40: "SHA-1", 64: "SHA-256", 128: "SHA-512"][digest.count] ?? "hex"
            // Labelled a password: medium; labelled only a hash (could be a file checksum): low.
            let isPassword = label != "hash"
            hits.append(WebHit(evidence: PassiveScan.mask(digest) + " (\(algorithm), labelled '\(PassiveScan.clip(label, 20))')",
                               severity: isPassword ? .medium : .low, confidence: isPassword ? .medium : .low))
        }
        return hits
    }

    static func kind(_ hash: String) -> String {
        if hash.hasPrefix("$2") { return "bcrypt" }
        if hash.hasPrefix("$6$") { return "SHA-512 crypt" }
        if hash.hasPrefix("$5$") { return "SHA-256 crypt" }
        if hash.hasPrefix("$1$") || hash.hasPrefix("$apr1$") { return "MD5 crypt" }
        if hash.hasPrefix("$argon2") { return "Argon2" }
        if hash.hasPrefix("pbkdf2_") { return "Django PBKDF2" }
        if hash.hasPrefix("pbkdf2:") { return "Werkzeug PBKDF2" }
        return "scrypt"
    }
}
