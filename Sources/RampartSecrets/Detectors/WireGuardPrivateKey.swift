import RampartCore

enum WireGuardPrivateKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "wireguard-private-key", title: "WireGuard private key", severity: .critical,
        documentation: """
        A WireGuard `PrivateKey =` (32 bytes in base 64) is the identity of a tunnel endpoint: with \
        it an attacker can impersonate the peer, join the VPN with that peer's allowed IPs and, on a \
        server, read traffic meant for it.

        **Fix:** generate a new key pair (`wg genkey | tee privatekey | wg pubkey`), replace the \
        peer's public key on every other endpoint, and keep configurations with private keys outside \
        the repository (mode 600 on the host, or a secrets manager).
        """,
        examples: [
            .triggers("[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = OEw2m5xunVGoc1woSSsL5plQIKfFGIJpFG4T2kqoXmI=\nDNS = 10.8.0.1\n", fileName: "wg0.conf"),
            .triggers("wireguard:\n  private_key: 'OEw2m5xunVGoc1woSSsL5plQIKfFGIJpFG4T2kqoXmI='\n", fileName: "values.yaml"),
            .passes("[Peer]\nPublicKey = OEw2m5xunVGoc1woSSsL5plQIKfFGIJpFG4T2kqoXmI=\n", fileName: "wg0.conf"),
            .passes("PrivateKey = <output of wg genkey>\n", fileName: "wg0.conf"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["privatekey", "private_key", "private-key"],
        regex: #"(?i:private[_-]?key)["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)(?![A-Za-z0-9+/=])"#,
        minEntropy: 3.5
    )
}
