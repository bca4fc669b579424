import RampartCore

/// B505 (weak_cryptographic_key): RSA/DSA keys under 2048 bits, EC keys under 224 bits.
enum B505WeakCryptographicKey: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key", "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key", "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key", "Crypto.PublicKey.DSA.generate", "Cryptodome.PublicKey.DSA.generate", "Crypto.PublicKey.RSA.generate", "Cryptodome.PublicKey.RSA.generate"]
    static let metadata = RuleMetadata.bandit(
        "B505", "weak_cryptographic_key", title: "Weak cryptographic key size", severity: .high, confidence: .high, cwe: 326, owasp: .a02,
        documentation: """
        ## What it does
        Flags key generation with `cryptography`, PyCrypto or Cryptodome below 2048 bits for RSA and DSA (high below 1024) and below 224 bits for elliptic curves (high below 160).

        ## Why is this bad?
        Keys that small can be factored or broken with affordable computing.

        ## What to do instead
        RSA: 3072 bits (2048 at least); EC: P-256 or stronger.

        ## References
        - [CWE-326](https://cwe.mitre.org/data/definitions/326.html)
        """,
        examples: [
            .triggers("from cryptography.hazmat.primitives.asymmetric import rsa\nkey = rsa.generate_private_key(65537, 1024)\n"),
            .passes("from cryptography.hazmat.primitives.asymmetric import rsa\nkey = rsa.generate_private_key(65537, 4096)\n"),
        ]
    )

    static let thresholds: [String: [(Int, Severity)]] = [
        "DSA": [(1024, .high), (2048, .medium)], "RSA": [(1024, .high), (2048, .medium)], "EC": [(160, .high), (224, .medium)],
    ]
    static let curveSizes: [String: Int] = [
        "SECT571K1": 571, "SECT571R1": 570, "SECP521R1": 521, "BrainpoolP512R1": 512, "SECT409K1": 409, "SECT409R1": 409,
        "BrainpoolP384R1": 384, "SECP384R1": 384, "SECT283K1": 283, "SECT283R1": 283, "BrainpoolP256R1": 256, "SECP256K1": 256,
        "SECP256R1": 256, "SECT233K1": 233, "SECT233R1": 233, "SECP224R1": 224, "SECP192R1": 192, "SECT163K1": 163, "SECT163R2": 163,
    ]

    static func classify(_ type: String, _ size: BanditLiteral?) -> RuleHit? {
        guard let size, case .int(let digits) = size, let bits = Int(digits) else { return nil }
        for (limit, severity) in thresholds[type] ?? [] where bits < limit {
            return RuleHit(severity, .high, "\(type) key sizes below \(limit) bits are considered breakable. ")
        }
        return nil
    }

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        switch context.qualname {
        case "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key":
            return classify("DSA", PythonRuleContext.firstTruthy(context.keywordLiteral("key_size"), context.argument(at: 0)) ?? .int("2048"))
        case "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key":
            return classify("RSA", PythonRuleContext.firstTruthy(context.keywordLiteral("key_size"), context.argument(at: 1)) ?? .int("2048"))
        case "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key":
            let curve = PythonRuleContext.firstTruthy(context.keywordLiteral("curve"), context.argument(at: 0))
            let size = curve?.string.flatMap { curveSizes[$0] } ?? 224
            return classify("EC", .int(String(size)))
        case "Crypto.PublicKey.DSA.generate", "Cryptodome.PublicKey.DSA.generate":
            return classify("DSA", PythonRuleContext.firstTruthy(context.keywordLiteral("bits"), context.argument(at: 0)) ?? .int("2048"))
        case "Crypto.PublicKey.RSA.generate", "Cryptodome.PublicKey.RSA.generate":
            return classify("RSA", PythonRuleContext.firstTruthy(context.keywordLiteral("bits"), context.argument(at: 0)) ?? .int("2048"))
        default:
            return nil
        }
    }
}
