import RampartCore

/// B304 (ciphers): Insecure cipher.
enum B304InsecureCipherCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "Crypto.Cipher.ARC2.new",
        "Crypto.Cipher.ARC4.new",
        "Crypto.Cipher.Blowfish.new",
        "Crypto.Cipher.DES.new",
        "Crypto.Cipher.XOR.new",
        "Cryptodome.Cipher.ARC2.new",
        "Cryptodome.Cipher.ARC4.new",
        "Cryptodome.Cipher.Blowfish.new",
        "Cryptodome.Cipher.DES.new",
        "Cryptodome.Cipher.XOR.new",
        "cryptography.hazmat.primitives.ciphers.algorithms.ARC4",
        "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish",
        "cryptography.hazmat.primitives.ciphers.algorithms.CAST5",
        "cryptography.hazmat.primitives.ciphers.algorithms.IDEA",
        "cryptography.hazmat.primitives.ciphers.algorithms.SEED",
        "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
    ]
    static let message = "`{name}` is a weak or broken cipher."
    static let metadata = RuleMetadata.bandit(
        "B304", "ciphers", title: "Insecure cipher", severity: .high, confidence: .high, cwe: 327, owasp: .a02,
        documentation: "## What it does\nFlags calls to `Crypto.Cipher.ARC2.new`, `Crypto.Cipher.ARC4.new`, `Crypto.Cipher.Blowfish.new`, `Crypto.Cipher.DES.new`, `Crypto.Cipher.XOR.new`, `Cryptodome.Cipher.ARC2.new` and more.\n\n## Why is this bad?\n`the call` is a weak or broken cipher.\n\n## What to do instead\nUse AES-GCM or ChaCha20-Poly1305 (for example `cryptography`'s `AESGCM`).\n\n## References\n- [CWE-327](https://cwe.mitre.org/data/definitions/327.html)\n",
        examples: [.triggers("from Crypto.Cipher import DES\ncipher = DES.new(key)\n"), .passes("from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM)\n")]
    )
}
