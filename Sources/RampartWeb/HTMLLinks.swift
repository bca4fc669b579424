import Foundation
import RampartRegex

/// What a crawler needs of a page: the links it can follow and the forms it holds, resolved
/// against the page's `<base href>` (or its own URL).
public struct PageLinks: Sendable, Equatable {
    public struct Form: Sendable, Equatable {
        public var action: String
        public var method: String
        public var fields: [Field]
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: String
        public var value: String
    }

    public var links: [String] = []
    public var forms: [Form] = []

    /// Links and forms of `html`, as absolute URLs against `pageURL`.
    public static func extract(_ html: String, pageURL: URL) -> PageLinks {
        extract(tokens: HTMLTokenizer.tokenize(html), pageURL: pageURL)
    }

    /// Links kept per page: a hostile page of a million links must not stall the crawl (each
    /// one costs a URL resolution); the first ones are followed.
    public static let maxLinks = 10_000

    public static func extract(tokens: [HTMLTokenizer.Token], pageURL: URL, includeLinks: Bool = true) -> PageLinks {
        var base = pageURL
        var result = PageLinks()
        var seen = Set<String>()
        var attempts = 0
        func add(_ raw: String) {
            guard includeLinks, result.links.count < maxLinks, attempts < 4 * maxLinks else { return }
            attempts += 1
            let trimmed = raw.trimmingWhitespace()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let url = resolve(trimmed, against: base) else { return }
            let lower = url.scheme?.lowercased()
            guard lower == "http" || lower == "https" else { return }
            // Scheme and host are case-insensitive: one spelling per page.
            var components = URLComponents(url: url, resolvingAgainstBaseURL: true)
            components?.scheme = lower
            let host = components?.host?.lowercased()
            components?.host = host
            components?.fragment = nil
            let text = components?.string ?? url.absoluteString
            if seen.insert(text).inserted { result.links.append(text) }
        }
        var form: Form?
        var inScript = false
        for token in tokens {
            switch token {
            case .startTag(let name, let attributes, _):
                func attr(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
                for (key, value) in attributes where key.hasPrefix("on") { for link in scriptNavigations(value) { add(link) } }
                switch name {
                case "base":
                    if let href = attr("href"), let url = resolve(href, against: pageURL), base == pageURL { base = url }
                case "a", "area", "link":
                    if let href = attr("href") { add(href) }
                case "iframe", "frame", "script", "img", "source", "embed", "audio", "video", "track":
                    if let src = attr("src") { add(src) }
                    if name == "script" && attr("src") == nil { inScript = true }
                case "meta":
                    if attr("http-equiv")?.lowercased() == "refresh", let content = attr("content"),
                       let range = content.range(of: "url=", options: .caseInsensitive) {
                        add(String(content[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")))
                    }
                case "form":
                    if let open = form { result.forms.append(open) }
                    let action = attr("action").flatMap { $0.isEmpty ? nil : resolve($0, against: base)?.absoluteString } ?? pageURL.absoluteString
                    form = Form(action: action, method: (attr("method") ?? "get").uppercased() == "POST" ? "POST" : "GET", fields: [])
                case "option":
                    // A select's default is its first option.
                    if let last = form?.fields.last, last.type == "select", last.value.isEmpty, let count = form?.fields.count {
                        form?.fields[count - 1].value = attr("value") ?? ""
                    }
                case "input", "select", "textarea", "button":
                    if let field = attr("name"), !field.isEmpty {
                        let type = name == "input" ? (attr("type") ?? "text").lowercased() : name
                        form?.fields.append(Field(name: field, type: type, value: attr("value") ?? ""))
                    }
                default:
                    break
                }
            case .endTag(let name):
                if name == "form", let open = form { result.forms.append(open); form = nil }
                if name == "script" { inScript = false }
            case .text(let text):
                if inScript { for link in scriptNavigations(text) { add(link) } }
            default:
                break
            }
        }
        if let open = form { result.forms.append(open) }
        return result
    }

    /// `location.href = '/x'`, `window.location = "/y"`, `location.assign('/z')`, `window.open('/w')`.
    static let navigation: ByteRegex? = try? ByteRegex(#"(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\(\s*|window\.open\(\s*)(["'])([^"'\\\s]{1,2000})\1"#)

    static func scriptNavigations(_ script: String) -> [String] {
        guard let navigation else { return [] }
        let bytes = Array(script.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            navigation.matches(in: buffer, limit: 1000).compactMap { match in
                match.group(2).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
    }

    static func resolve(_ raw: String, against base: URL) -> URL? {
        // Browsers strip tabs and newlines inside URLs and trim spaces.
        let cleaned = raw.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.trimmingWhitespace()
        guard !cleaned.lowercased().hasPrefix("javascript:"), !cleaned.lowercased().hasPrefix("mailto:"), !cleaned.lowercased().hasPrefix("data:") else { return nil }
        let escaped = cleaned.addingPercentEncoding(withAllowedCharacters: .urlAllowed) ?? cleaned
        return URL(string: escaped, relativeTo: base)?.absoluteURL
    }
}

extension CharacterSet {
    /// Characters left as they are when a link is made a URL (RFC 3986's, plus `%` and `#`).
    static let urlAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.formUnion(.urlPathAllowed)
        set.insert(charactersIn: "%#?&=:/@;+,!$'()*[]~")
        return set
    }()
}
