import RampartCore

enum CSPWeaknesses: WebRule {
    static let metadata = RuleMetadata.web(
        "10055", title: "Content Security Policy weaknesses", severity: .medium, confidence: .high, cwe: 693, owasp: .a05,
        documentation: """
        The page's Content Security Policy (header or `<meta>`) is parsed and each weakness \
        reported on its own: wildcard or scheme-only sources (`*`, `https:`, `data:`) where \
        scripts, objects, frames or form targets are allowed; `'unsafe-inline'` (ignored, and \
        not reported, when a nonce or hash is present) and `'unsafe-eval'`; no `script-src` or \
        `style-src` with no `default-src` to fall back on; `frame-ancestors` and `form-action` \
        missing (they never fall back); unknown directives; directives browsers ignore in \
        `<meta>`, and policies split between header and meta. With several policies, a weakness \
        is reported only if no other policy closes it.

        **Fix:** start from `default-src 'self'; object-src 'none'; base-uri 'self'; \
        frame-ancestors 'self'; form-action 'self'`, use nonces for inline scripts \
        (Flask-Talisman `content_security_policy_nonce_in`, django-csp `CSP_INCLUDE_NONCE_IN`), \
        and move inline handlers into script files.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: img-src 'self'\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: default-src *; frame-ancestors 'none'; form-action 'self'\n\n<html></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; frame-ancestors 'none'; form-action 'self'\"></head></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: default-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Security-Policy: default-src 'self'; script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic' https:; frame-ancestors 'self'; form-action 'self'\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    /// CSP Level 3 directives, and older ones browsers still know.
    static let known: Set<String> = [
        "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr", "img-src", "font-src",
        "connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src", "prefetch-src", "fenced-frame-src",
        "base-uri", "form-action", "frame-ancestors", "navigate-to", "sandbox", "report-uri", "report-to", "upgrade-insecure-requests",
        "block-all-mixed-content", "require-trusted-types-for", "trusted-types", "require-sri-for", "plugin-types", "webrtc", "referrer",
    ]
    /// Directives a `<meta>` policy may not set (browsers ignore them there).
    static let headerOnly: Set<String> = ["frame-ancestors", "report-uri", "report-to", "sandbox"]

    struct Weakness {
        var group: String
        var evidence: String
        var severity: Severity
    }

    /// One policy's weaknesses, keyed by `group:kind`, and the groups it leaves unrestricted.
    struct Evaluation {
        var weaknesses: [String: Weakness] = [:]
        var unrestricted: Set<String> = []
    }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML else { return [] }
        var policies: [(source: String, text: String)] = []
        for header in r.headers("content-security-policy") {
            for policy in header.split(separator: ",") where !policy.trimmingWhitespace().isEmpty { policies.append(("header", String(policy))) }
        }
        var metaCount = 0
        if r.body.count < PassiveScan.maxScanBytes {
            for token in r.tokens {
                guard case .startTag("meta", let attributes, _) = token,
                      PassiveScan.attribute(attributes, "http-equiv")?.lowercased() == "content-security-policy",
                      let content = PassiveScan.attribute(attributes, "content"), !content.trimmingWhitespace().isEmpty else { continue }
                policies.append(("meta", content))
                metaCount += 1
            }
        }
        guard !policies.isEmpty else { return [] }
        var hits: [WebHit] = []
        var notices: [WebHit] = []
        if metaCount > 0, metaCount < policies.count {
            notices.append(WebHit(parameter: "content-security-policy", evidence: "policies in both the header and a <meta> element (both enforced)", severity: .info))
        }
        var evaluations: [Evaluation] = []
        for (source, text) in policies {
            var directives = parse(text)
            for name in directives.keys.sorted() where !known.contains(name) {
                notices.append(WebHit(parameter: "content-security-policy", evidence: "unknown directive '\(PassiveScan.clip(name, 40))' (\(source))", severity: .info))
            }
            if source == "meta" {
                for name in directives.keys.sorted() where headerOnly.contains(name) {
                    notices.append(WebHit(parameter: "content-security-policy", evidence: "\(name) is ignored in a <meta> policy", severity: .info))
                    directives[name] = nil
                }
            }
            evaluations.append(evaluate(directives))
        }
        var reported = Set<String>()
        for evaluation in evaluations {
            for key in evaluation.weaknesses.keys.sorted() where !reported.contains(key) {
                guard let weakness = evaluation.weaknesses[key] else { continue }
                // Another policy that restricts the same thing without this weakness closes it.
                let open = evaluations.allSatisfy { $0.weaknesses[key] != nil || $0.unrestricted.contains(weakness.group) }
                guard open else { continue }
                reported.insert(key)
                hits.append(WebHit(parameter: "content-security-policy", evidence: weakness.evidence, severity: weakness.severity))
            }
        }
        return Array((hits + notices).prefix(PassiveScan.maxHits))
    }

    /// Directive names (lower-cased, first occurrence wins, as browsers do) and their sources.
    static func parse(_ policy: String) -> [String: [String]] {
        var directives: [String: [String]] = [:]
        for part in policy.split(separator: ";") {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let name = words.first?.lowercased(), directives[name] == nil else { continue }
            directives[name] = words.dropFirst().map(String.init)
        }
        return directives
    }

    static func evaluate(_ d: [String: [String]]) -> Evaluation {
        var result = Evaluation()
        func effective(_ chain: [String]) -> (name: String, sources: [String])? {
            for name in chain { if let sources = d[name] { return (name, sources) } }
            return nil
        }
        func show(_ name: String, _ sources: [String]) -> String { PassiveScan.clip(([name] + sources).joined(separator: " "), 150) }
        func isWildcard(_ source: String) -> Bool {
            let s = source.lowercased()
            return s == "*" || s == "http:" || s == "https:" || s == "http://*" || s == "https://*" || s == "data:" || s == "blob:" || s == "filesystem:"
        }
        func add(_ group: String, _ kind: String, _ evidence: String, _ severity: Severity) {
            result.weaknesses["\(group):\(kind)"] = Weakness(group: group, evidence: evidence, severity: severity)
        }

        // Scripts.
        if let (name, sources) = effective(["script-src", "default-src"]) {
            let lower = sources.map { $0.lowercased() }
            let hasNonceOrHash = lower.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha256-") || $0.hasPrefix("'sha384-") || $0.hasPrefix("'sha512-") }
            let strictDynamic = lower.contains("'strict-dynamic'")
            if lower.contains("'unsafe-inline'"), !hasNonceOrHash, !strictDynamic { add("script", "unsafe-inline", show(name, sources), .medium) }
            if lower.contains("'unsafe-eval'") { add("script", "unsafe-eval", show(name, sources), .medium) }
            if lower.contains("'unsafe-hashes'") { add("script", "unsafe-hashes", show(name, sources), .low) }
            // Host and scheme sources are ignored next to 'strict-dynamic' (CSP3), except data: is never trusted.
            if !strictDynamic, lower.contains(where: isWildcard) { add("script", "wildcard", show(name, sources), .medium) }
        } else {
            result.unrestricted.insert("script")
            add("script", "missing", "script-src not set and no default-src to fall back on", .medium)
        }
        // Styles.
        if let (name, sources) = effective(["style-src", "default-src"]) {
            let lower = sources.map { $0.lowercased() }
            let hasNonceOrHash = lower.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha256-") || $0.hasPrefix("'sha384-") || $0.hasPrefix("'sha512-") }
            if lower.contains("'unsafe-inline'"), !hasNonceOrHash { add("style", "unsafe-inline", show(name, sources), .low) }
            if lower.contains(where: isWildcard) { add("style", "wildcard", show(name, sources), .low) }
        } else {
            result.unrestricted.insert("style")
            add("style", "missing", "style-src not set and no default-src to fall back on", .low)
        }
        // Plugins and frames.
        if let (name, sources) = effective(["object-src", "default-src"]) {
            if sources.contains(where: isWildcard) { add("object", "wildcard", show(name, sources), .medium) }
        } else {
            result.unrestricted.insert("object")
        }
        if let (name, sources) = effective(["frame-src", "child-src", "default-src"]), sources.contains(where: isWildcard) {
            add("frame", "wildcard", show(name, sources), .low)
        }
        if let (name, sources) = effective(["connect-src", "default-src"]), sources.contains(where: { $0 == "*" }) {
            add("connect", "wildcard", show(name, sources), .low)
        }
        // No fallback to default-src.
        for name in ["frame-ancestors", "form-action"] {
            if let sources = d[name] {
                if sources.contains(where: isWildcard) { add(name, "wildcard", show(name, sources), .medium) }
            } else {
                result.unrestricted.insert(name)
                add(name, "missing", "\(name) not set (it does not fall back to default-src)", .medium)
            }
        }
        return result
    }
}
