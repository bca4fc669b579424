import Foundation
import RampartCore

enum ModernWebApplication: WebRule {
    static let metadata: RuleMetadata = {
        var metadata = RuleMetadata.web(
            "10109", title: "Modern web application (single-page app)", severity: .info, confidence: .medium, cwe: 0, owasp: .a05,
            documentation: """
            The page looks like a single-page application: scripts build it in the browser \
            (an empty mount point such as `<div id="root">` on a page without plain links, or a \
            `<noscript>` asking for JavaScript). A crawler that does not run JavaScript sees \
            little of such a site, so the scan's coverage is limited. This is information, not a \
            vulnerability.

            **Fix:** nothing to fix; scan the API the app calls directly (its OpenAPI spec or \
            recorded `.http` responses) or crawl with a browser-driven spider.
            """,
            examples: [
                .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body><noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div><script src=\"/static/js/main.3f2a.js\"></script></body></html>\n", fileName: "page.http"),
                .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body><div id=\"app\"></div><script type=\"module\" src=\"/assets/index.js\"></script></body></html>\n", fileName: "page.http"),
                .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body><a href=\"/shop\">Shop</a><a href=\"/about\">About</a><script src=\"/static/site.js\"></script></body></html>\n", fileName: "page.http"),
            ]
        )
        metadata.cwe = []  // not a weakness
        return metadata
    }()

    static let mountPoints: Set<String> = ["root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app", "q-app", "ember-app"]

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.body.count < PassiveScan.maxScanBytes else { return [] }
        var scripts = 0
        var links = 0
        var emptyMount: String?
        var pendingMount: String?
        var noscriptAsksForJS = false
        var inNoscript = false
        for token in r.tokens {
            switch token {
            case .startTag(let name, let attributes, let selfClosing):
                pendingMount = nil  // a child element: the mount point is not empty
                if name == "script" { scripts += 1 }
                if name == "noscript" { inNoscript = true }
                if name == "a", let href = PassiveScan.attribute(attributes, "href")?.trimmingWhitespace(), !href.isEmpty, !href.hasPrefix("#"),
                   !href.lowercased().hasPrefix("javascript:") { links += 1 }
                if name == "div" || name == "app-root" || name == "main", !selfClosing,
                   let id = PassiveScan.attribute(attributes, "id") ?? (name == "app-root" ? "app-root" : nil), mountPoints.contains(id) || name == "app-root" {
                    pendingMount = id
                }
            case .endTag(let name):
                if name == "noscript" { inNoscript = false }
                if let mount = pendingMount, name == "div" || name == "app-root" || name == "main" { emptyMount = emptyMount ?? mount }
                pendingMount = nil
            case .text(let text):
                if inNoscript, text.range(of: "javascript", options: .caseInsensitive) != nil { noscriptAsksForJS = true }
                if pendingMount != nil, !text.trimmingWhitespace().isEmpty { pendingMount = nil }
            default:
                break
            }
        }
        guard scripts > 0 else { return [] }
        if let mount = emptyMount, links == 0 || noscriptAsksForJS { return [WebHit(evidence: "empty mount point id=\"\(mount)\" with \(scripts) script(s)")] }
        if noscriptAsksForJS { return [WebHit(evidence: "<noscript> asks for JavaScript")] }
        return []
    }
}
