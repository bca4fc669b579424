/// The OWASP Top 10 (2021) categories a rule can be filed under.
public enum OWASPCategory: String, Sendable, CaseIterable, Codable {
    case a01 = "A01:2021"
    case a02 = "A02:2021"
    case a03 = "A03:2021"
    case a04 = "A04:2021"
    case a05 = "A05:2021"
    case a06 = "A06:2021"
    case a07 = "A07:2021"
    case a08 = "A08:2021"
    case a09 = "A09:2021"
    case a10 = "A10:2021"

    public var title: String {
        switch self {
        case .a01: "Broken Access Control"
        case .a02: "Cryptographic Failures"
        case .a03: "Injection"
        case .a04: "Insecure Design"
        case .a05: "Security Misconfiguration"
        case .a06: "Vulnerable and Outdated Components"
        case .a07: "Identification and Authentication Failures"
        case .a08: "Software and Data Integrity Failures"
        case .a09: "Security Logging and Monitoring Failures"
        case .a10: "Server-Side Request Forgery"
        }
    }

    /// `A03:2021 Injection`.
    public var label: String { "\(rawValue) \(title)" }
}
