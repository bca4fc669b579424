import RampartCore

/// Weak hash algorithm (CWE-328): a taint rule.
public enum TaintWeakHash: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "weak-hash", confirming: confirms, title: "Weak hash algorithm", severity: .medium, cwe: 328, owasp: .a02,
        documentation: """
        ## What it does
        Finds MD4, MD5 and SHA-1 hashes, made directly (`hashlib.md5(...)`) or by name (`hashlib.new(name)`, the name followed from a constant through variables, containers and branches), that reach a place where a hash must resist forgery: what a web view returns or sets in a cookie or the session, a variable or attribute named for a secret (`password`, `token`, `signature`, …), the return value of a function that makes one (`hash_password`, `make_signature`), or an HMAC built on MD4 or MD5 (HMAC-SHA-1 is still sound). A name that only a branch never taken would give is not reported, nor a hash for a cache key or a checksum (Bandit's B324 reports every use), nor one marked `usedforsecurity=False`.

        ## Why is this bad?
        Collisions for these algorithms are cheap to compute: signatures, integrity checks and password hashes built on them can be forged or reversed.

        ## What to do instead
        Use SHA-256 or better (`hashlib.sha256`), and a password hashing function (`hashlib.scrypt`, `argon2`, `bcrypt`) for passwords.

        ## References
        - [CWE-328](https://cwe.mitre.org/data/definitions/328.html)
        """,
        examples: [
            .triggers("import hashlib\ndef hash_password(password):\n    return hashlib.md5(password).hexdigest()\n"),
            .triggers("import hashlib\ndef register(user, password):\n    algorithm = 'sha1'\n    user.password = hashlib.new(algorithm, password).hexdigest()\n"),
            .passes("import hashlib\ndef hash_password(password):\n    return hashlib.sha256(password).hexdigest()\n"),
            .passes("import hashlib\ndef hash_password(password):\n    algorithm = 'md5' if 7 * 18 - 106 > 200 else 'sha256'\n    return hashlib.new(algorithm, password).hexdigest()\n"),
            .passes("import hashlib\ndef cache_key(data):\n    return hashlib.md5(data).hexdigest()\n"),
            .passes("import hashlib\ndef hash_password(password):\n    return hashlib.md5(password, usedforsecurity=False).hexdigest()\n"),
        ]
    )

    /// A weak value's way to where it matters stays in its file (a helper making a token).
    public static let acrossFiles = false

    public static let confirms = ["B303", "B324"]

    public static let message = "A broken hash algorithm (MD4, MD5, SHA-1) is used for security"

    public static let sources: [TaintPattern] = ["\"md5\"", "\"MD5\"", "\"md4\"", "\"MD4\"", "\"sha1\"", "\"SHA1\"", "\"sha-1\"", "\"SHA-1\"", "hashlib.md5", "hashlib.sha1"].map { .pattern($0) } + [.except("hashlib.$ALGORITHM(...)", not: ["hashlib.$ALGORITHM(..., usedforsecurity=False, ...)", "hashlib.new(...)", "hashlib.sha256(...)", "hashlib.sha384(...)", "hashlib.sha512(...)", "hashlib.sha3_256(...)", "hashlib.sha3_384(...)", "hashlib.sha3_512(...)", "hashlib.sha224(...)", "hashlib.blake2b(...)", "hashlib.blake2s(...)", "hashlib.scrypt(...)", "hashlib.pbkdf2_hmac(...)", "hashlib.file_digest(...)", "hashlib.sha3_224(...)", "hashlib.shake_128(...)", "hashlib.shake_256(...)"])]

    public static let sinks: [TaintPattern] = TaintModels.securityUses + [
        .focus("hmac.new($KEY, $MESSAGE, $NAME)", on: "$NAME", not: hmacSHA1),
        .focus("hmac.new($KEY, digestmod=$NAME, ...)", on: "$NAME", not: hmacSHA1),
    ]

    /// HMAC with SHA-1 stays unforgeable (collisions do not help against HMAC): not reported.
    static let hmacSHA1 = [
        "hmac.new($K, $M, hashlib.sha1)", "hmac.new($K, $M, 'sha1')", "hmac.new(..., digestmod=hashlib.sha1, ...)", "hmac.new(..., digestmod='sha1', ...)",
        "hmac.digest($K, $M, hashlib.sha1)", "hmac.digest($K, $M, 'sha1')",
    ]

    /// A hash its caller says is not for security.
    public static let sanitizers: [TaintPattern] = [
        .pattern("hashlib.new(..., usedforsecurity=False, ...)"),
        .pattern("hashlib.$ALGORITHM(..., usedforsecurity=False, ...)"),
    ] + hmacSHA1.map { .pattern($0) } + TaintModels.cachedValues
}
