import Foundation

/// Where Rampart may send credentials (a login's password, an issue tracker's token) or point
/// its crawler: origins that the person running Rampart chose, on the command line or in the
/// environment, never one a scanned repository's files chose. A repository's `.rampart.yml`
/// or `rampart.yml` may name a loopback address (the app the pipeline starts) or an origin
/// listed in `RAMPART_ALLOWED_ORIGINS`; anything else is refused with a message saying how to
/// allow it.
public struct TrustedOrigins: Sendable, Equatable {
    /// Space- or comma-separated origins (`https://staging.example.org`, `http://10.0.0.5:8080`).
    public static let variable = "RAMPART_ALLOWED_ORIGINS"

    public private(set) var origins: Set<String>

    /// The origins of `RAMPART_ALLOWED_ORIGINS` and of `chosen` (URLs from flags or the CI's
    /// own variables, such as `GITHUB_API_URL`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, chosen: [String] = []) {
        let listed = (environment[Self.variable] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
        origins = Set((listed + chosen).compactMap(Self.origin(of:)))
    }

    /// Whether `url`'s origin was chosen by the person running Rampart.
    public func allows(_ url: String) -> Bool {
        Self.origin(of: url).map(origins.contains) ?? false
    }

    /// Whether a URL a repository file named may be used: an allowed origin, or loopback.
    public func allowsFromRepository(_ url: String) -> Bool {
        allows(url) || (URL(string: url)?.host).map(Self.isLoopback) == true
    }

    /// The reason a URL from a repository file is refused, or nil when it may be used.
    public func refusal(_ url: String, purpose: String) -> String? {
        guard !allowsFromRepository(url) else { return nil }
        let origin = Self.origin(of: url) ?? url
        return "\(TextEscaping.escape(origin)) was chosen by the scanned repository, not by you: Rampart will not \(purpose) there. "
            + "Pass it on the command line, or list it in \(Self.variable)"
    }

    /// `scheme://host:port` in lower case with the default port made explicit; nil for a URL
    /// without scheme or host.
    public static func origin(of url: String) -> String? {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased(), !host.isEmpty else { return nil }
        let port = parsed.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return "\(scheme)://\(host)\(port < 0 ? "" : ":\(port)")"
    }

    /// 127.0.0.0/8, ::1 and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
