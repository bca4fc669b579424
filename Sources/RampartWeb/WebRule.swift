import Foundation
import RampartCore
import RampartRegex

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

    /// Loopback hosts are exempt from the transport rules (Secure cookies, HTTP forms, Basic
    /// authentication, mixed content): browsers treat them as secure and test servers live
    /// there. `--no-localhost-exemption` turns that off.
    public let localhostExemption: Bool

    /// The response to an active probe: rules that judge the application's normal pages (a bare
    /// HTTP 500 is an error disclosure there) leave it to the active rules.
    public let isProbeResponse: Bool

    public init(_ exchange: WebExchange, localhostExemption: Bool = true, isProbeResponse: Bool = false) {
        self.exchange = exchange
        self.localhostExemption = localhostExemption
        self.isProbeResponse = isProbeResponse
    }

    /// The page is served from a loopback host, and the scan exempts those.
    public var isLocalhost: Bool { localhostExemption && exchange.isLocalhost }

    /// `host` is a loopback host, and the scan exempts those.
    public func isExemptHost(_ host: String) -> Bool { localhostExemption && PassiveScan.isLoopback(host) }

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
    /// Forms only (their actions resolved), without resolving every link of the page.
    public private(set) lazy var forms: [PageLinks.Form] = {
        guard exchange.isHTML, let url = URL(string: exchange.url) else { return [] }
        return PageLinks.extract(tokens: tokens, pageURL: url, includeLinks: false).forms
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
        return PassiveScan.isLoopback(host)
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



// MARK: - Helpers shared by the passive rules

/// What the passive rules share: bounded scanning of bodies, short evidence, masked secrets,
/// attribute look-up, same-site comparison of hosts.
enum PassiveScan {
    /// Bodies are scanned up to this many bytes (a rule runs on every response).
    static let maxScanBytes = 2 << 20
    /// Hits one rule reports on one response.
    static let maxHits = 10

    /// Matches of `regex` in the first `maxScanBytes` of `bytes`, with their text (at most `limit`).
    static func matches(_ regex: ByteRegex?, in bytes: [UInt8], limit: Int = maxHits) -> [(match: ByteRegex.Match, text: String)] {
        guard let regex, !bytes.isEmpty else { return [] }
        let end = min(bytes.count, maxScanBytes)
        return bytes.withUnsafeBufferPointer { buffer in
            regex.matches(in: buffer, range: 0..<end, limit: limit).map { ($0, String(decoding: buffer[$0.range], as: UTF8.self)) }
        }
    }

    /// The first match of `regex` in the first `maxScanBytes` of `bytes`.
    static func firstMatch(_ regex: ByteRegex?, in bytes: [UInt8]) -> (match: ByteRegex.Match, text: String)? {
        matches(regex, in: bytes, limit: 1).first
    }

    /// Group `index` of a match found in `bytes`, as text.
    static func group(_ index: Int, of match: ByteRegex.Match, in bytes: [UInt8]) -> String? {
        guard let range = match.group(index), range.upperBound <= bytes.count else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// A regular expression matching any of `literals` (escaped).
    static func literals(_ literals: [String], caseInsensitive: Bool = false) -> ByteRegex? {
        let escaped = literals.map { literal in
            literal.unicodeScalars.map { "\\^$.|?*+()[]{}/".unicodeScalars.contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        return try? ByteRegex(escaped.joined(separator: "|"), options: caseInsensitive ? .caseInsensitive : [])
    }

    static let formTag: ByteRegex? = try? ByteRegex(#"(?i)<form\b[^>]{0,1000}>"#)

    /// The page's `<form …>` start tags as the response has them (evidence is copied from the
    /// response, never re-synthesised), in document order.
    static func formTags(in bytes: [UInt8]) -> [String] {
        matches(formTag, in: bytes, limit: 200).map { clip($0.text, 200) }
    }

    /// Evidence on one line, at most `limit` characters.
    static func clip(_ text: some StringProtocol, _ limit: Int = 160) -> String {
        var flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        flat = flat.trimmingWhitespace()
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }

    /// A secret as evidence: its first characters and its length, never the whole value.
    static func mask(_ secret: some StringProtocol) -> String {
        let count = secret.count
        guard count > 8 else { return String(repeating: "*", count: min(count, 8)) }
        return "\(secret.prefix(min(4, count / 4)))…(\(count) chars)"
    }

    static func attribute(_ attributes: [(name: String, value: String)], _ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The URL's query parameters only (not the request body), decoded.
    static func queryParameters(of url: String) -> [(name: String, value: String)] {
        guard let query = URLComponents(string: url)?.percentEncodedQuery, !query.isEmpty else { return [] }
        return FormEncoding.decode(query)
    }

    /// The URL's path (no query or fragment), as sent.
    static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...]; rest = rest.drop { $0 != "/" && $0 != "?" && $0 != "#" } }
        let path = rest.prefix { $0 != "?" && $0 != "#" }
        return path.isEmpty ? "/" : String(path)
    }

    /// A request parameter value too common to show that the parameter is reflected
    /// (`1`, `true`, `en`): rules about reflected values skip these.
    static func isTrivialValue(_ value: String) -> Bool {
        let v = value.trimmingWhitespace().lowercased()
        return v.count < 3 || v.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }) || ["true", "false", "null", "none", "yes", "off", "get", "post", "asc", "desc"].contains(v)
    }

    /// Request parameters worth looking for in an HTML page (2xx or 4xx, not too big): the rules
    /// about values reflected into attributes and event handlers start here.
    static func reflectableParameters(of r: WebPage) -> [(name: String, value: String)] {
        guard r.isHTML, (200..<300).contains(r.status) || (400..<500).contains(r.status), r.body.count < maxScanBytes else { return [] }
        return r.requestParameters.filter { !isTrivialValue($0.value) }
    }

    /// The registrable part of a host, roughly (`static.shop.co.uk` → `shop.co.uk`); IP addresses as they are.
    static func siteOf(_ host: String) -> String {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if host.hasPrefix("[") || host.allSatisfy({ $0.isNumber || $0 == "." }) { return host }
        let labels = host.split(separator: ".")
        guard labels.count > 2 else { return host }
        // Two-letter country domains with a short second level (`co.uk`, `com.au`) keep three labels.
        let keep = labels[labels.count - 1].count == 2 && labels[labels.count - 2].count <= 3 ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    /// Two hosts of the same site (equal, or sharing their registrable domain).
    static func sameSite(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased() || siteOf(a) == siteOf(b)
    }

    /// A URL the browser treats as a secure context although it is `http://` (loopback).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
    }

    /// Texts of inline `<script>` elements of an HTML page (not JSON or template blocks).
    static func inlineScripts(_ tokens: [HTMLTokenizer.Token]) -> [String] {
        var scripts: [String] = []
        var inScript = false
        for token in tokens {
            switch token {
            case .startTag("script", let attributes, let selfClosing):
                let type = (attribute(attributes, "type") ?? "").lowercased()
                inScript = !selfClosing && attribute(attributes, "src") == nil
                    && (type.isEmpty || type.contains("javascript") || type == "module" || type.contains("ecmascript"))
            case .endTag("script"):
                inScript = false
            case .text(let text) where inScript:
                scripts.append(text)
            default:
                break
            }
        }
        return scripts
    }
}

extension WebExchange {
    /// A JavaScript response (by type, or by a `.js` path when the type is missing or generic).
    var isJavaScriptResponse: Bool {
        let type = contentType
        if type.contains("javascript") || type.contains("ecmascript") { return true }
        let path = PassiveScan.path(of: url).lowercased()
        return (type.isEmpty || type.contains("text/plain") || type.contains("octet-stream")) && (path.hasSuffix(".js") || path.hasSuffix(".mjs"))
    }

    /// A text response (HTML, JSON, XML, JavaScript, plain text; a missing type counts as text).
    var isTextResponse: Bool {
        let type = contentType
        return type.isEmpty || type.hasPrefix("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
            || type.contains("ecmascript") || type.contains("x-www-form-urlencoded")
    }

    /// A static asset (script, style, image, font, media) by type or path: not a page.
    var isStaticAsset: Bool {
        let type = contentType
        if type.hasPrefix("image/") || type.hasPrefix("font/") || type.hasPrefix("audio/") || type.hasPrefix("video/") || type.contains("css")
            || type.contains("javascript") || type.contains("ecmascript") { return true }
        let path = PassiveScan.path(of: url).lowercased()
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return ["js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3"]
            .contains(String(path[path.index(after: dot)...]))
    }
}

extension PassiveScan {
    /// The page's forms as written (`action` unresolved, nil when absent) and the page's
    /// `<base href>`: cheaper than `WebPage.links`, which resolves every link of the page.
    static func rawForms(_ tokens: [HTMLTokenizer.Token]) -> (base: String?, forms: [(action: String?, method: String)]) {
        var base: String?
        var forms: [(action: String?, method: String)] = []
        for token in tokens {
            guard case .startTag(let name, let attributes, _) = token else { continue }
            if name == "base", base == nil { base = attribute(attributes, "href") }
            if name == "form" { forms.append((attribute(attributes, "action"), (attribute(attributes, "method") ?? "get").lowercased())) }
        }
        return (base, forms)
    }

    /// The scheme a form's `action` posts to (`http` or `https`), against the base and the page.
    static func formScheme(action: String?, base: String?, pageURL: String) -> (scheme: String, url: String) {
        let action = action?.trimmingWhitespace() ?? ""
        for candidate in [action, base?.trimmingWhitespace() ?? "", pageURL] {
            let lower = candidate.lowercased()
            if lower.hasPrefix("https://") { return ("https", candidate == action ? action : candidate) }
            if lower.hasPrefix("http://") { return ("http", candidate == action ? action : candidate) }
            if lower.hasPrefix("//") { continue }  // scheme-relative: the next candidate's scheme
        }
        return ("", action)
    }
}
