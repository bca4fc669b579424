import Foundation
import RampartCore

/// What a passive rule reports for one response: the parameter or header involved, the
/// evidence, and overrides of the rule's severity and confidence for this case.
public struct WebHit: Sendable {
    public var parameter: String?
    public var evidence: String?
    public var severity: Severity?
    public var confidence: Confidence?

    public init(parameter: String? = nil, evidence: String? = nil, severity: Severity? = nil, confidence: Confidence? = nil) {
        self.parameter = parameter
        self.evidence = evidence
        self.severity = severity
        self.confidence = confidence
    }
}

/// A passive web rule: a type with its metadata that reads one response. Ids are ZAP's
/// (`web/10020`) where ZAP has the rule, so configs and dashboards keep working.
public protocol WebRule: Rule {
    static func check(_ page: WebPage) -> [WebHit]
}

/// One response as the rules read it: the exchange, with its text, HTML tokens, links and
/// cookies computed once and shared by every rule (not re-parsed by each).
@dynamicMemberLookup
public final class WebPage {
    public let exchange: WebExchange

    public init(_ exchange: WebExchange) {
        self.exchange = exchange
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<WebExchange, T>) -> T { exchange[keyPath: keyPath] }

    public func header(_ name: String) -> String? { exchange.header(name) }
    public func headers(_ name: String) -> [String] { exchange.headers(name) }

    /// The body as text (invalid UTF-8 replaced).
    public private(set) lazy var text: String = exchange.text
    /// The body's HTML tokens (empty for non-HTML responses).
    public private(set) lazy var tokens: [HTMLTokenizer.Token] = exchange.isHTML ? HTMLTokenizer.tokenize(text) : []
    /// Links and forms, as absolute URLs.
    public private(set) lazy var links: PageLinks = {
        guard exchange.isHTML, let url = URL(string: exchange.url) else { return PageLinks() }
        return PageLinks.extract(tokens: tokens, pageURL: url)
    }()
    lazy var cookies: [SetCookie] = exchange.headers("set-cookie").compactMap(SetCookie.init)
    /// Query and form-body parameters of the request.
    public private(set) lazy var requestParameters: [(name: String, value: String)] = exchange.requestParameters
}

extension RuleMetadata {
    static func web(
        _ code: String, title: String, severity: Severity, confidence: Confidence = .medium, cwe: Int, owasp: OWASPCategory = .a05,
        zap: Bool = true, optIn: Bool = false, documentation: String, examples: [RuleExample]
    ) -> RuleMetadata {
        RuleMetadata(
            id: RuleID(scanner: "web", code: code), aliases: [], title: title, severity: severity, confidence: confidence,
            cwe: [cwe], owasp: owasp, tags: ["dast"] + (zap ? ["zap"] : []) + (optIn ? [RuleMetadata.optInTag] : []),
            documentation: documentation, examples: examples
        )
    }

    /// Rules tagged so run only when named (`web.enable`, or a level other than IGNORE in a ZAP
    /// config): ZAP's noisiest rules, Timestamp Disclosure and Suspicious Comments.
    public static let optInTag = "opt-in"
    public var isOptIn: Bool { tags.contains(Self.optInTag) }
}

extension WebExchange {
    /// A successful (2xx) HTML page: where header rules apply (not on robots.txt, sitemaps,
    /// redirects or error pages, ZAP's noisiest false positives).
    public var isSuccessfulHTML: Bool { (200..<300).contains(status) && isHTML }
    public var isHTTPS: Bool { url.lowercased().hasPrefix("https://") }
    public var isLocalhost: Bool {
        let host = URLHost.of(url)
        return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]" || host.hasSuffix(".localhost")
    }
}

enum URLHost {
    static func of(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map(String.init) ?? String(authority)
        if host.hasPrefix("[") { return String(host.prefix { $0 != "]" }) + "]" }
        return String(host.prefix { $0 != ":" }).lowercased()
    }
}

/// One `Set-Cookie` header, parsed.
struct SetCookie {
    var name: String
    var value: String
    var attributes: [String: String]
    var raw: String

    init?(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard let first = parts.first, let equals = first.firstIndex(of: "=") else { return nil }
        name = String(first[..<equals])
        value = String(first[first.index(after: equals)...])
        raw = header
        var attributes: [String: String] = [:]
        for part in parts.dropFirst() where !part.isEmpty {
            if let eq = part.firstIndex(of: "=") {
                attributes[part[..<eq].lowercased()] = String(part[part.index(after: eq)...])
            } else {
                attributes[part.lowercased()] = ""
            }
        }
        self.attributes = attributes
    }

    /// A cookie being deleted (empty value, `Max-Age` ≤ 0, or an expiry in the past) is not a
    /// cookie to protect: no flag finding for it.
    var isDeletion: Bool {
        if value.isEmpty || value == "\"\"" { return true }
        if let maxAge = attributes["max-age"].flatMap({ Int($0) }), maxAge <= 0 { return true }
        if let expires = attributes["expires"], let year = expires.split(whereSeparator: { !$0.isNumber }).compactMap({ Int($0) }).first(where: { $0 > 1900 }), year < 2000 { return true }
        return false
    }
}


