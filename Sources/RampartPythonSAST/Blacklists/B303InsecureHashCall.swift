import RampartCore

/// B303 (md5): Insecure hash from PyCrypto, Cryptodome or cryptography.
enum B303InsecureHashCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "Crypto.Hash.MD2.new",
        "Crypto.Hash.MD4.new",
        "Crypto.Hash.MD5.new",
        "Crypto.Hash.SHA.new",
        "Cryptodome.Hash.MD2.new",
        "Cryptodome.Hash.MD4.new",
        "Cryptodome.Hash.MD5.new",
        "Cryptodome.Hash.SHA.new",
        "cryptography.hazmat.primitives.hashes.MD5",
        "cryptography.hazmat.primitives.hashes.SHA1",
    ]
    static let message = "`{name}` is a broken hash (MD2, MD4, MD5 or SHA-1): collisions can be forged."
    static let metadata = RuleMetadata.bandit(
        "B303", "md5", title: "Insecure hash from PyCrypto, Cryptodome or cryptography", severity: .medium, confidence: .high, cwe: 327, owasp: .a02,
        documentation: "## What it does\nFlags calls to `Crypto.Hash.MD2.new`, `Crypto.Hash.MD4.new`, `Crypto.Hash.MD5.new`, `Crypto.Hash.SHA.new`, `Cryptodome.Hash.MD2.new`, `Cryptodome.Hash.MD4.new` and more.\n\n## Why is this bad?\n`the call` is a broken hash (MD2, MD4, MD5 or SHA-1): collisions can be forged.\n\n## What to do instead\nUse SHA-256 or better (`SHA256`, `SHA3_256`, `BLAKE2b`).\n\n## References\n- [CWE-327](https://cwe.mitre.org/data/definitions/327.html)\n",
        examples: [.triggers("from Crypto.Hash import MD5\nh = MD5.new(data)\n"), .passes("from Crypto.Hash import SHA256\nh = SHA256.new(data)\n")]
    )
}
