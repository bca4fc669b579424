import RampartCore

/// Weak hash algorithm (CWE-328): a taint rule.
public enum TaintWeakHash: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "weak-hash", confirming: confirms, title: "Weak hash algorithm", severity: .medium, cwe: 328, owasp: .a02,
        documentation: """
        ## What it does
        Finds MD4, MD5 and SHA-1 hashes, directly (`hashlib.md5(...)`) or by name (`hashlib.new(name)`) where the name comes from a constant, following the name through variables, containers and branches: a name that only a branch never taken would give is not reported. `usedforsecurity=False` marks a hash that is not for security.

        ## Why is this bad?
        Collisions for these algorithms are cheap to compute: signatures, integrity checks and password hashes built on them can be forged or reversed.

        ## What to do instead
        Use SHA-256 or better (`hashlib.sha256`), and a password hashing function (`hashlib.scrypt`, `argon2`, `bcrypt`) for passwords.

        ## References
        - [CWE-328](https://cwe.mitre.org/data/definitions/328.html)
        """,
        examples: [
            .triggers("import hashlib\ndef fingerprint(data):\n    return hashlib.md5(data).hexdigest()\n"),
            .passes("import hashlib\ndef fingerprint(data):\n    return hashlib.sha256(data).hexdigest()\n"),
            .passes("import hashlib\ndef fingerprint(data):\n    algorithm = 'md5' if 7 * 18 - 106 > 200 else 'sha256'\n    return hashlib.new(algorithm, data).hexdigest()\n"),
            .passes("import hashlib\ndef cache_key(data):\n    return hashlib.md5(data, usedforsecurity=False).hexdigest()\n"),
        ]
    )

    public static let confirms = ["B303", "B324"]

    public static let message = "A broken hash algorithm (MD4, MD5, SHA-1) is used for security"

    public static let sources: [TaintPattern] = ["\"md5\"", "\"MD5\"", "\"md4\"", "\"MD4\"", "\"sha1\"", "\"SHA1\"", "\"sha-1\"", "\"SHA-1\"", "hashlib.md5", "hashlib.sha1"].map { .pattern($0) } + [.except("hashlib.$ALGORITHM(...)", not: ["hashlib.$ALGORITHM(..., usedforsecurity=False, ...)", "hashlib.new(...)", "hashlib.sha256(...)", "hashlib.sha384(...)", "hashlib.sha512(...)", "hashlib.sha3_256(...)", "hashlib.sha3_384(...)", "hashlib.sha3_512(...)", "hashlib.sha224(...)", "hashlib.blake2b(...)", "hashlib.blake2s(...)", "hashlib.scrypt(...)", "hashlib.pbkdf2_hmac(...)", "hashlib.file_digest(...)", "hashlib.sha3_224(...)", "hashlib.shake_128(...)", "hashlib.shake_256(...)"])]

    public static let sinks: [TaintPattern] = [
        .focus("hashlib.new($NAME, ...)", on: "$NAME", inside: [], not: ["hashlib.new(..., usedforsecurity=False, ...)"]),
        .except("hashlib.$ALGORITHM(...)", not: ["hashlib.$ALGORITHM(..., usedforsecurity=False, ...)", "hashlib.new(...)", "hashlib.sha256(...)", "hashlib.sha384(...)", "hashlib.sha512(...)", "hashlib.sha3_256(...)", "hashlib.sha3_384(...)", "hashlib.sha3_512(...)", "hashlib.sha224(...)", "hashlib.blake2b(...)", "hashlib.blake2s(...)", "hashlib.scrypt(...)", "hashlib.pbkdf2_hmac(...)", "hashlib.file_digest(...)", "hashlib.sha3_224(...)", "hashlib.shake_128(...)", "hashlib.shake_256(...)"]),
        .focus("hmac.new($KEY, $MESSAGE, $NAME)", on: "$NAME"),
        .focus("hmac.new($KEY, digestmod=$NAME, ...)", on: "$NAME"),
    ]

    public static let sanitizers: [TaintPattern] = []
}
