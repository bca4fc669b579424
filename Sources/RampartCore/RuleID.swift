/// A rule id namespaced by its scanner: `python/B602`, `secrets/github-pat`, `web/10038`.
public struct RuleID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(scanner: String, code: String) { self.rawValue = "\(scanner)/\(code)" }

    /// The part before the first `/`.
    public var scanner: String {
        guard let slash = rawValue.firstIndex(of: "/") else { return "" }
        return String(rawValue[..<slash])
    }

    /// The part after the first `/`: the code a tool's own users know (`B602`).
    public var code: String {
        guard let slash = rawValue.firstIndex(of: "/") else { return rawValue }
        return String(rawValue[rawValue.index(after: slash)...])
    }

    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
