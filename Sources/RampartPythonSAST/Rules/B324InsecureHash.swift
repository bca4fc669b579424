import RampartCore

/// B324 (hashlib): MD4, MD5, SHA-1 and weak crypt methods used for security.
enum B324InsecureHash: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B324", "hashlib", title: "Weak hash used for security", severity: .high, confidence: .high, cwe: 327, owasp: .a02,
        documentation: """
        ## What it does
        Flags `hashlib.md4/md5/sha/sha1` (and `hashlib.new("md5")`) without `usedforsecurity=False`, and `crypt` with the crypt, MD5 or Blowfish methods.

        ## Why is this bad?
        These hashes are broken: collisions can be made and passwords hashed with them are cracked quickly.

        ## What to do instead
        Use SHA-256 or better; for passwords use a password hash (`hashlib.scrypt`, argon2, bcrypt). If the hash is not for security (a cache key), say so with `usedforsecurity=False`.

        ## References
        - [CWE-327](https://cwe.mitre.org/data/definitions/327.html)
        """,
        examples: [
            .triggers("import hashlib\nh = hashlib.md5(data)\n"),
            .triggers("import hashlib\nh = hashlib.new('sha1')\n"),
            .passes("import hashlib\nh = hashlib.md5(data, usedforsecurity=False)\n"),
            .passes("import hashlib\nh = hashlib.sha256(data)\n"),
        ]
    )

    static let weakHashes: Set<String> = ["md4", "md5", "sha", "sha1"]
    static let weakCryptMethods: Set<String> = ["METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"]

    static let callLastNames: Set<String>? = ["md4", "md5", "sha", "sha1", "new", "crypt", "mksalt"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let parts = context.qualnameParts
        let function = parts.last ?? ""
        let usedForSecurity = context.keyword("usedforsecurity").flatMap { BanditLiteral.ofArgument($0) } ?? .str("True")
        if parts.contains("hashlib") {
            if weakHashes.contains(function) {
                guard usedForSecurity == .str("True") else { return nil }
                return RuleHit(.high, .high, "Use of weak \(function.uppercased()) hash for security. Consider usedforsecurity=False")
            }
            if function == "new" {
                let name = context.callArguments.isEmpty ? context.keyword("name").flatMap { BanditLiteral.ofArgument($0) } : context.argument(at: 0)
                guard let name = name?.string, weakHashes.contains(name.lowercased()), usedForSecurity == .str("True") else { return nil }
                return RuleHit(.high, .high, "Use of weak \(name.uppercased()) hash for security. Consider usedforsecurity=False")
            }
        } else if parts.contains("crypt"), function == "crypt" || function == "mksalt" {
            let name: BanditLiteral?
            if function == "crypt" {
                name = context.callArguments.count > 1 ? context.argument(at: 1) : context.keyword("salt").flatMap { BanditLiteral.ofArgument($0) }
            } else {
                name = context.callArguments.isEmpty ? context.keyword("method").flatMap { BanditLiteral.ofArgument($0) } : context.argument(at: 0)
            }
            guard let method = name?.string, weakCryptMethods.contains(method) else { return nil }
            return RuleHit(.medium, .high, "Use of insecure crypt.\(method.uppercased()) hash function.")
        }
        return nil
    }
}
