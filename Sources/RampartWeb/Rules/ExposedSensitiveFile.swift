import RampartCore
import RampartRegex

enum ExposedSensitiveFile: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-exposed-file", title: "Sensitive file exposed (.git, .env, backups)", severity: .high, confidence: .high, cwe: 538, owasp: .a05,
        zap: false,
        documentation: """
        The server returns a file that must never be public: the git repository (`/.git/HEAD`, \
        `/.git/config`: the whole source and history can be downloaded), an environment file \
        (`/.env`: secret keys, database passwords), a macOS `.DS_Store` (lists the folder's \
        files), or a backup, editor swap or dump file (`.bak`, `.old`, `.orig`, `~`, `.swp`, \
        `.save`, `.sql`, `.zip`, `.tar.gz`). The content is checked (a git ref, `[core]`, \
        `KEY=VALUE` lines, file signatures), so a soft 404 (an HTML page with status 200) is \
        not reported. Git and `.env` are high severity, the rest medium.

        **Fix:** deploy build artifacts, not the working tree; deny dot-files and backup \
        extensions at the web server (nginx `location ~ /\\. { deny all; }`); keep secrets in \
        the environment or a secret manager, and rotate any that were exposed.
        """,
        examples: [
            .triggers("# GET https://shop.test/.git/HEAD\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nref: refs/heads/main\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/.env\nHTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\nFLASK_APP=shop\nSECRET_KEY=change-me\nDATABASE_URL=postgres://shop:pw@db/shop\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/.git/config\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\n[core]\n\trepositoryformatversion = 0\n\tbare = false\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/backup/shop.sql\nHTTP/1.1 200 OK\nContent-Type: application/sql\n\n-- MySQL dump 10.13\nCREATE TABLE `users` (`id` int NOT NULL);\n", fileName: "page.http"),
            .triggers("# GET https://shop.test/settings.py.bak\nHTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\nSECRET_KEY = 'x'\nDEBUG = False\n", fileName: "page.http"),
            .passes("# GET https://shop.test/.env\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<!doctype html><html><body><h1>Page not found</h1></body></html>\n", fileName: "page.http"),
            .passes("# GET https://shop.test/.git/HEAD\nHTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nref: refs/heads/main\n", fileName: "page.http"),
            .passes("# GET https://shop.test/index.php.bak\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\n   \n", fileName: "page.http"),
            .passes("# GET https://shop.test/db.zip\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nNot here\n", fileName: "page.http"),
        ]
    )

    static let envLine: ByteRegex? = try? ByteRegex(#"^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=.*$"#, options: .multiline)
    static let sqlDump: ByteRegex? = try? ByteRegex(#"(?i:-- (?:MySQL|MariaDB) dump|-- PostgreSQL database dump|CREATE TABLE|INSERT INTO|PRAGMA foreign_keys|BEGIN TRANSACTION;)"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.status == 200, !r.body.isEmpty else { return [] }
        let path = PassiveScan.path(of: r.url)
        let lowerPath = path.lowercased()
        let name = String(lowerPath.split(separator: "/").last ?? "")
        guard name.hasPrefix(".") || lowerPath.contains("/.git/") || isBackupName(name) else { return [] }
        // A soft 404: an HTML page standing in for the file.
        if looksLikeHTML(r) { return [] }
        let body = r.body
        let head = String(decoding: body.prefix(4096), as: UTF8.self)
        let trimmed = head.trimmingWhitespace()

        if lowerPath.hasSuffix("/.git/head") {
            let isSHA = (trimmed.count == 40 || trimmed.count == 64) && trimmed.allSatisfy(\.isHexDigit)
            guard trimmed.hasPrefix("ref: refs/") || isSHA else { return [] }
            return [WebHit(evidence: "/.git/HEAD: " + PassiveScan.clip(trimmed, 60), severity: .high)]
        }
        if lowerPath.hasSuffix("/.git/config") {
            guard head.contains("[core]") else { return [] }
            return [WebHit(evidence: "/.git/config: [core]" + (head.contains("[remote ") ? ", [remote …]" : ""), severity: .high)]
        }
        if name == ".env" || name.hasPrefix(".env.") {
            // Most non-empty, non-comment lines are KEY=VALUE; only the keys are shown.
            let lines = head.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            let keys = lines.compactMap { line -> String? in
                guard envLine?.matches(line) == true, let equals = line.firstIndex(of: "=") else { return nil }
                return line[..<equals].replacingOccurrences(of: "export ", with: "").trimmingWhitespace()
            }
            guard !keys.isEmpty, keys.count * 2 >= lines.count else { return [] }
            return [WebHit(evidence: PassiveScan.clip("\(path): keys " + keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", …" : ""), 200), severity: .high)]
        }
        if name == ".ds_store" {
            guard body.starts(with: [0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31]) else { return [] }
            return [WebHit(evidence: PassiveScan.clip("\(path): .DS_Store (Bud1)", 200), severity: .medium)]
        }
        guard isBackupName(name), let kind = backupEvidence(name: name, body: body, head: trimmed) else { return [] }
        return [WebHit(evidence: PassiveScan.clip("\(path): \(kind), \(body.count) bytes", 200), severity: .medium)]
    }

    static let backupSuffixes = [".bak", ".old", ".orig", ".save", ".swp", ".swo", ".sql", ".sql.gz", ".zip", ".tar.gz", ".tgz", ".tar", ".7z", ".backup", ".dump", "~"]

    static func isBackupName(_ name: String) -> Bool {
        backupSuffixes.contains { name.hasSuffix($0) && name.count > $0.count }
    }

    static func looksLikeHTML(_ r: WebPage) -> Bool {
        if r.isHTML { return true }
        let start = r.body.prefix(512).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        let lower = String(decoding: start.prefix(15), as: UTF8.self).lowercased()
        return lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<head") || lower.hasPrefix("<body")
    }

    /// What the file is, from its signature or content; nil when it is not what its name says.
    static func backupEvidence(name: String, body: [UInt8], head: String) -> String? {
        if name.hasSuffix(".zip") { return body.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "zip archive" : nil }
        if name.hasSuffix(".gz") || name.hasSuffix(".tgz") { return body.starts(with: [0x1F, 0x8B]) ? "gzip archive" : nil }
        if name.hasSuffix(".7z") { return body.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) ? "7z archive" : nil }
        if name.hasSuffix(".tar") { return body.count > 262 && body[257..<262].elementsEqual("ustar".utf8) ? "tar archive" : nil }
        if name.hasSuffix(".swp") || name.hasSuffix(".swo") { return body.starts(with: Array("b0VIM".utf8)) ? "Vim swap file" : nil }
        if name.hasSuffix(".sql") || name.hasSuffix(".dump") {
            if body.starts(with: Array("PGDMP".utf8)) { return "PostgreSQL dump" }
            if body.starts(with: Array("SQLite format 3".utf8)) { return "SQLite database" }
            return PassiveScan.firstMatch(sqlDump, in: Array(body.prefix(64 << 10))) != nil ? "SQL dump" : nil
        }
        // .bak, .old, .orig, .save, ~ and .backup copies: any substantial non-HTML content.
        guard head.count >= 8 else { return nil }
        return "backup copy"
    }
}
