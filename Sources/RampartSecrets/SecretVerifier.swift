import RampartCore

/// The seam for online verification: asking the provider whether a found credential is live.
///
/// Rampart verifies nothing online (scans run where there is no network, and calling a
/// provider with a leaked key is itself an action that needs consent), but a verifier can be
/// given to `SecretsOptions.verifier`: it sees each finding's rule and secret once, and its
/// answer becomes the finding's `verified` tag and, for a live credential, critical severity.
public protocol SecretVerifier: Sendable {
    /// Whether the secret works at its provider; nil when this verifier does not know the rule.
    func verify(rule: RuleID, secret: String) async -> SecretVerification?
}

public enum SecretVerification: String, Sendable {
    /// The provider accepted the credential.
    case live
    /// The provider rejected it (revoked, expired or never valid).
    case rejected
    /// The provider could not be asked (network, rate limit).
    case unknown
}
