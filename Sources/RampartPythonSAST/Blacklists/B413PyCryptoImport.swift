import RampartCore

/// B413 (import_pycrypto): Import of the unmaintained pycrypto.
enum B413PyCryptoImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["Crypto.Cipher", "Crypto.Hash", "Crypto.IO", "Crypto.Protocol", "Crypto.PublicKey", "Crypto.Random", "Crypto.Signature", "Crypto.Util"]
    static let message = "Import of {name}: pycrypto is unmaintained and has known vulnerabilities."
    static let metadata = RuleMetadata.bandit(
        "B413", "import_pycrypto", title: "Import of the unmaintained pycrypto", severity: .high, confidence: .high, cwe: 327, owasp: .a06,
        documentation: "## What it does\nFlags imports of `Crypto.Cipher`, `Crypto.Hash`, `Crypto.IO`, `Crypto.Protocol`, `Crypto.PublicKey`, `Crypto.Random`, `Crypto.Signature`, `Crypto.Util` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\npycrypto is unmaintained and has known vulnerabilities.\n\n## What to do instead\nUse `cryptography` or `pycryptodome`.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-327](https://cwe.mitre.org/data/definitions/327.html)\n",
        examples: [.triggers("from Crypto.Cipher import AES\n"), .passes("from cryptography.hazmat.primitives.ciphers.aead import AESGCM\n")]
    )
}
