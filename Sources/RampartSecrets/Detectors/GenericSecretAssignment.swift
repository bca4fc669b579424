import Foundation
import RampartCore

/// The catch-all: a high-entropy value assigned to a secret-like name, in code, YAML, JSON,
/// INI, `.env`, properties, Dockerfiles and shell.
enum GenericSecretAssignment: SecretRule {
    static let metadata = RuleMetadata.secret(
        "generic-secret", title: "Secret assigned to a credential-like name", severity: .high, confidence: .medium,
        tags: ["generic"],
        documentation: """
        A random-looking value is assigned to a name such as `password`, `api_key`, `token`, \
        `client_secret` or `private_key`: in code (`API_KEY = "…"`), configuration (`token: …`, \
        `"password": "…"`, `secret=…`), `.env` files, Dockerfiles (`ENV`, `ARG`) and shell \
        (`export TOKEN=…`). It covers credentials no provider-specific detector knows.

        To stay quiet it requires entropy (3.5 bits per character, or 3 with three character \
        classes), skips values that are references rather than literals (`os.environ[…]`, \
        `${VAR}`, `self.password`, `settings.TOKEN`), paths and URLs, names that describe a \
        secret without holding one (`token_url`, `password_field`, `secret_name`), and \
        placeholders (`changeme`, `<your-token>`, `xxxx`). In source code only quoted values \
        count. A value that a provider-specific detector reports is not reported again here.

        **Fix:** remove the value from the code, rotate it, and read it at run time from the \
        environment or a secret store.
        """,
        examples: [
            .triggers("API_KEY = \"q8Vf3LkR9xT2mWz7PbN4sYc1\"\n", fileName: "settings.py"),
            .triggers("database:\n  password: Zr7#kP2v!Lq9xW4m\n", fileName: "config.yml"),
            .triggers("{\"client_secret\": \"hQ3kV8nR2xL7pZ4tW9mY6cB1\"}\n", fileName: "app.json"),
            .triggers("export AUTH_TOKEN=Xk4pL9qR2vN7mT3wZ8yB5cH1\n", fileName: "deploy.sh"),
            .triggers("ENV SECRET_KEY=p4Q9vX2mL7kR3tZ8wN5yB1cH\n", fileName: "Dockerfile"),
            .triggers("db.password=Wq8Lr3Vz9Kt2Pm7Xn4Bc\n", fileName: "application.properties"),
            .passes("password = os.environ[\"DB_PASSWORD\"]\n", fileName: "settings.py"),
            .passes("token = get_token(user)\n", fileName: "settings.py"),
            .passes("API_KEY = ${API_KEY}\n", fileName: ".env"),
            .passes("password: changeme\n", fileName: "config.yml"),
            .passes("token_url = \"https://auth.example.org/oauth/token\"\n", fileName: "settings.py"),
            .passes("password_field = \"user_password_hash\"\n", fileName: "settings.py"),
            .passes("self.token = token\n", fileName: "client.py"),
            .passes("TOKEN=abcdefghij\n", fileName: ".env"),
            .passes("{\"xugyyfxfpwd\": \"q8Vf3LkR9xT2mWz7PbN4sYc1\"}\n", fileName: "app.json"),
            .passes("tokenizer_model = \"q8Vf3LkR9xT2mWz7PbN4sYc1\"\n", fileName: "settings.py"),
            .passes("{\"NextToken\": \"eyJ2Xk4pL9qR2vN7mT3wZ8yB5cH1\"}\n", fileName: "page.json"),
            .passes("    token: OAuth2Token | None\n", fileName: "client.pyi"),
            .passes("ACL_CREDENTIALS = \"Access-Control-Allow-Credentials\"\n", fileName: "cors.py"),
            .passes("CHALLENGE_PASSWORD = \"challengePassword\"\n", fileName: "oid.py"),
            .passes("self.update_token = \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"\n", fileName: "models.py"),
            .passes("{\"tokenExpirationTime\": \"2022-08-16T10:34:58.000Z\"}\n", fileName: "token.json"),
            .passes("{\"secretsmanager:SecretId\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\"}\n", fileName: "policy.json"),
            .passes("  \"package_secret\": \"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n", fileName: "app.json"),
            .triggers("authToken: \"Xk4pL9qR2vN7mT3wZ8yB5cH1\"\n", fileName: "config.yml"),
        ]
    )

    static let pattern = SecretPattern(
        keywords: ["pass", "pwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "auth_key", "private_key", "credential"],
        regex: #"(?i)(?<name>[\w.-]{0,40}(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credentials?)[\w.-]{0,20})["']?\s*(?::=|=>|->|=|:)\s*(?<q>["'`]?)(?<secret>[^\s"'`;,<>{}()\[\]\\|]{10,200})\k<q>"#,
        filtersPlaceholders: true
    )

    static let codeExtensions: Set<String> = [
        "py", "pyw", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "go", "java", "kt", "kts", "scala", "cs", "php",
        "swift", "rs", "c", "h", "cc", "cpp", "hpp", "m", "groovy", "dart", "lua", "r", "pl", "pyi",
    ]

    /// Words before `token` that make it a cursor or an idempotency key, not a credential
    /// (`NextToken`, `page_token`, `ClientToken` in AWS APIs).
    static let nonCredentialTokenKinds: Set<String> = [
        "next", "page", "pagination", "continuation", "change", "client", "purchase", "input", "output", "sync",
        "cancel", "cancellation", "idempotency", "request", "marker", "start", "end", "resume", "retry", "last",
        "first", "prev", "previous", "starting", "ending", "progress", "query", "search", "parse", "lexer", "lock",
    ]

    /// Name endings that describe a secret without holding one.
    static let descriptiveSuffixes = [
        "file", "path", "dir", "url", "uri", "name", "type", "length", "len", "size", "count", "field", "endpoint",
        "header", "prefix", "format", "pattern", "regex", "policy", "version", "id", "ids", "hash", "expiry", "expires",
        "ttl", "timeout", "env", "var", "label", "key_id", "mode", "method", "scope", "scopes", "store", "manager", "class",
        "time", "date", "expiration", "source", "provider", "process", "helper", "expression", "selection", "location",
        "policy", "algorithm", "alg", "strategy", "config", "enabled", "required", "rotation", "arn", "used", "last",
        "created", "updated", "changed", "age", "usage", "period",
    ]

    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        let secret = context.secret
        let bytes = Array(secret.utf8)
        // Another assignment (`token=secret=…`), not a value: `=` only as trailing padding.
        // First, being the cheapest: a line of `password=password=…` decoys is rejected fast.
        if let equals = bytes.firstIndex(of: UInt8(ascii: "=")), bytes[equals...].contains(where: { $0 != UInt8(ascii: "=") }) { return false }
        // The name is what precedes the separator; the quote (if any) right before the secret.
        let match = context.match
        guard let secretStart = match.range(of: secret, options: .backwards)?.lowerBound else { return false }
        let quoted = secretStart > match.startIndex && "\"'`".contains(match[match.index(before: secretStart)])
        let ext = context.path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if codeExtensions.contains(ext) && !quoted { return false }
        // The assigned name, lower-cased, and its last word.
        let originalName = String(match.prefix { !"=:\"' \t".contains($0) })
        guard hasCredentialWord(originalName) else { return false }
        let name = originalName.lowercased()
        if isCursorToken(originalName) { return false }
        // A namespaced type name (`AWS::IAM::AccessKey`, `Crypto::SecretKey`) is a key, not a credential name.
        if context.line.contains("::" + originalName) { return false }
        let lastWord = Self.words(originalName).last?.lowercased() ?? name
        if descriptiveSuffixes.contains(lastWord) || descriptiveSuffixes.contains(where: { name.hasSuffix("_" + $0) || name.hasSuffix("-" + $0) || name.hasSuffix("." + $0) }) { return false }
        // References, not literals.
        if !quoted || codeExtensions.contains(ext) {
            let reference = bytes.allSatisfy { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
                && bytes.contains(UInt8(ascii: ".")) && !(bytes.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
            if reference { return false }
        }
        let lower = secret.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:") || secret.hasPrefix("/") || secret.hasPrefix("./") || secret.hasPrefix("~/") { return false }
        if lower == "true" || lower == "false" || lower == "null" || lower == "none" { return false }
        // Identifiers: ARNs, and constants such as `PUBLIC_KEY_OR_PASSWORD`.
        if lower.hasPrefix("arn:") || secret.hasPrefix("$") || secret.hasPrefix("#") { return false }
        // UUIDs identify things (request ids, resource ids); providers whose keys are UUIDs have their own detectors.
        if isUUID(bytes) { return false }
        // camelCase or PascalCase identifiers made of real words (`challengePassword`, `waitForTaskToken`).
        let valueWords = Self.words(secret)
        if valueWords.count >= 2, valueWords.allSatisfy({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }) { return false }
        // Separated words of letters only: header names (`Access-Control-Allow-Credentials`), labels.
        if bytes.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }),
           bytes.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }) { return false }
        if bytes.contains(UInt8(ascii: "_")), bytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "_") }) { return false }
        // Digests (`sha256:…` in lockfiles and image references) are not credentials.
        if ["sha1:", "sha256:", "sha384:", "sha512:", "md5:", "sha1-", "sha256-", "sha384-", "sha512-"].contains(where: { lower.hasPrefix($0) }) { return false }
        // Words: lower-case letters and separators only (`bearer_token`), or CamelCase identifiers.
        if bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) { return false }
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        // Randomness: 3.5 bits per byte, or 3 with three character classes.
        let entropy = Precision.entropy(bytes)
        let classes = [
            bytes.contains { $0 >= 0x61 && $0 <= 0x7A }, bytes.contains { $0 >= 0x41 && $0 <= 0x5A },
            bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, bytes.contains { !(($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) },
        ].filter { $0 }.count
        return entropy >= 3.5 || (entropy >= 3.0 && classes >= 3)
    }

    static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
        }
        return true
    }

    /// The words of an identifier: split at `_`, `-`, `.`, spaces and lower-to-upper case changes.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for c in name {
            if c == "_" || c == "-" || c == "." || c == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if c.isUppercase, let p = previous, p.isLowercase {
                words.append(current)
                current = String(c)
            } else {
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `NextToken`, `page_token`, `output_token`: the word before a final `token` names a cursor.
    static func isCursorToken(_ name: String) -> Bool {
        let words = Self.words(name)
        let lower = words.map { $0.lowercased() }
        guard let last = lower.last, last == "token" || last == "tokens", lower.count >= 2 else { return false }
        return nonCredentialTokenKinds.contains(lower[lower.count - 2])
    }

    static let credentialWords = [
        "password", "passwd", "passphrase", "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "api.key",
        "accesskey", "access_key", "access-key", "authkey", "auth_key", "auth-key", "privatekey", "private_key", "private-key",
        "credentials", "credential",
    ]

    /// Whether the name holds a credential word as a word of its own: `db_password`, `authToken`,
    /// `API-KEY`; not `tokenizer`, `passage`, `secretary` or the `pwd` inside a random identifier.
    static func hasCredentialWord(_ name: String) -> Bool {
        let chars = Array(name.utf8)
        let lower = chars.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        for word in credentialWords {
            let w = Array(word.utf8)
            guard w.count <= lower.count else { continue }
            var start = 0
            while start + w.count <= lower.count {
                if Array(lower[start..<(start + w.count)]) == w {
                    let end = start + w.count
                    let leftOK = start == 0 || !isLetter(chars[start - 1]) || (!isUpper(chars[start - 1]) && isUpper(chars[start]))
                    let rightOK = end == chars.count || !isLetter(chars[end]) || (isUpper(chars[end]) && !isUpper(chars[end - 1]))
                    if leftOK && rightOK { return true }
                }
                start += 1
            }
        }
        return false
    }
}
