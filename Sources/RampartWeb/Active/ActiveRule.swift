import RampartCore

/// An active check: payloads to put in one parameter, and a `check` that judges the response
/// to a probe by the payload the request carries. Each payload holds its own proof (a unique
/// canary, or two random factors whose product only evaluation can produce), so a recorded
/// probe (`.http` file) is judged offline the same way: the rule's examples are such recordings.
public protocol ActiveRule: WebRule {
    /// The payloads for a parameter whose original value is `value`; `nonce` makes them unique.
    static func payloads(for value: String, nonce: ProbeNonce) -> [String]
}

/// Two random factors and a canary built from them.
public struct ProbeNonce: Sendable {
    public var a: Int
    public var b: Int

    public init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ProbeNonce {
        ProbeNonce(a: Int.random(in: 1000...9999, using: &generator), b: Int.random(in: 1000...9999, using: &generator))
    }

    /// A word that no page contains by chance: `rmp` and the first factor.
    public var canary: String { "rmp\(a)" }
}

extension RuleMetadata {
    static func active(
        _ code: String, title: String, severity: Severity, confidence: Confidence = .medium, cwe: Int, owasp: OWASPCategory = .a03,
        zap: Bool = true, documentation: String, examples: [RuleExample]
    ) -> RuleMetadata {
        RuleMetadata(
            id: RuleID(scanner: "web", code: code), aliases: [], title: title, severity: severity, confidence: confidence,
            cwe: [cwe], owasp: owasp, tags: ["dast", "active"] + (zap ? ["zap"] : []), documentation: documentation, examples: examples
        )
    }

    public var isActive: Bool { tags.contains("active") }
}

/// Reading a payload back out of a request parameter.
enum Payload {
    /// The factors of the first `<prefix>A*B` in `text` (`{{1234*5678}}`, `$((1234*5678))`).
    static func factors(in text: String, after prefix: String) -> (Int, Int)? {
        var rest = Substring(text)
        while let range = rest.range(of: prefix) {
            rest = rest[range.upperBound...]
            let a = rest.prefix { $0.isNumber }
            let afterA = rest.dropFirst(a.count)
            guard !a.isEmpty, a.count <= 6, afterA.first == "*" else { continue }
            let b = afterA.dropFirst().prefix { $0.isNumber }
            guard !b.isEmpty, b.count <= 6, let x = Int(a), let y = Int(b) else { continue }
            return (x, y)
        }
        return nil
    }

    /// Parameters of the request whose value carries `marker`.
    static func parameters(of page: WebPage, containing marker: String) -> [(name: String, value: String)] {
        page.requestParameters.filter { $0.value.contains(marker) }
    }

    /// The first `rmp<digits>` canary in `text`.
    static func canary(in text: String) -> String? {
        guard let range = text.range(of: "rmp") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return digits.count >= 4 ? "rmp" + digits : nil
    }

    /// `opening` is found and after `closing` (or `closing` is not found): inside that construct.
    static func isAfter(_ opening: String.Index?, _ closing: String.Index?) -> Bool {
        guard let opening else { return false }
        guard let closing else { return true }
        return opening > closing
    }

    /// Whether `index` lies inside an HTML comment (`<!-- … -->`): an element there is not
    /// rendered (Werkzeug's debugger repeats the traceback, unescaped, in one).
    static func isInComment(_ body: Substring, at index: String.Index) -> Bool {
        let before = body[..<index]
        let open = before.range(of: "<!--", options: .backwards)?.lowerBound
        let close = before.range(of: "-->", options: .backwards)?.lowerBound
        return isAfter(open, close)
    }

    /// Whether `needle` occurs in `body` outside HTML comments.
    static func rendered(_ needle: String, in body: Substring) -> Bool {
        var rest = body[...]
        while let range = rest.range(of: needle) {
            if !isInComment(body, at: range.lowerBound) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// The body, capped: probes judge the first megabytes.
    static func body(_ page: WebPage) -> Substring { page.text.prefix(4 << 20) }
}
