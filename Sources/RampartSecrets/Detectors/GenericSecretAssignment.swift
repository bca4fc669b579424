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
        "swift", "rs", "c", "h", "cc", "cpp", "hpp", "m", "groovy", "dart", "lua", "r", "pl",
    ]

    /// Name endings that describe a secret without holding one.
    static let descriptiveSuffixes = [
        "file", "path", "dir", "url", "uri", "name", "type", "length", "len", "size", "count", "field", "endpoint",
        "header", "prefix", "format", "pattern", "regex", "policy", "version", "id", "ids", "hash", "expiry", "expires",
        "ttl", "timeout", "env", "var", "label", "key_id", "mode", "method", "scope", "scopes", "store", "manager", "class",
    ]

    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        let secret = context.secret
        let bytes = Array(secret.utf8)
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
        let lastWord = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).last.map(String.init) ?? name
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
        // Digests (`sha256:…` in lockfiles and image references) are not credentials.
        if ["sha1:", "sha256:", "sha384:", "sha512:", "md5:", "sha1-", "sha256-", "sha384-", "sha512-"].contains(where: { lower.hasPrefix($0) }) { return false }
        // Another assignment (`token=secret=…`), not a value: `=` only as trailing padding.
        if let equals = bytes.firstIndex(of: UInt8(ascii: "=")), bytes[equals...].contains(where: { $0 != UInt8(ascii: "=") }) { return false }
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
