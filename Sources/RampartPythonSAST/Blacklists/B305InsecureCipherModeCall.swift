import RampartCore

/// B305 (cipher_modes): Insecure cipher mode (ECB).
enum B305InsecureCipherModeCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "cryptography.hazmat.primitives.ciphers.modes.ECB",
    ]
    static let message = "ECB mode encrypts equal blocks to equal ciphertext and leaks the structure of the data (`{name}`)."
    static let metadata = RuleMetadata.bandit(
        "B305", "cipher_modes", title: "Insecure cipher mode (ECB)", severity: .medium, confidence: .high, cwe: 327, owasp: .a02,
        documentation: "## What it does\nFlags calls to `cryptography.hazmat.primitives.ciphers.modes.ECB`.\n\n## Why is this bad?\nECB mode encrypts equal blocks to equal ciphertext and leaks the structure of the data (`the call`).\n\n## What to do instead\nUse an authenticated mode such as GCM, or CBC with a MAC.\n\n## References\n- [CWE-327](https://cwe.mitre.org/data/definitions/327.html)\n",
        examples: [.triggers("from cryptography.hazmat.primitives.ciphers import modes\nmode = modes.ECB()\n"), .passes("from cryptography.hazmat.primitives.ciphers import modes\nmode = modes.GCM(iv)\n")]
    )
}
