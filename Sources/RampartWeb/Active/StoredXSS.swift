import RampartCore
import RampartRegex

/// Stored (persistent) XSS: a unique element sent in one request comes back unescaped in the
/// response to another, later request (the page that displays what was stored). The active
/// scan revisits the crawled pages and the redirect targets of its submissions after probing;
/// the element `<rmpsNNNNNNx>` is ours alone, so seeing it there is the proof.
enum StoredXSS: ActiveRule {
    static let metadata = RuleMetadata.active(
        "40014", title: "Cross-site scripting (persistent)", severity: .high, confidence: .high, cwe: 79,
        documentation: """
        A value submitted to the application is stored and later written into a page without \
        escaping: every visitor of that page runs the attacker's script (session theft, actions \
        as the user, worms). Worse than reflected XSS, since no crafted link is needed. Found by \
        submitting a unique element (`<rmpsNNNNNNx>`) and revisiting the pages that display \
        stored content; the finding names the request that stored it, and the evidence the page \
        that showed it.

        **Fix:** escape on output (Jinja2 autoescape, Django templates), never `Markup()` or \
        `|safe` on stored text; sanitise rich text with an allow-list (`nh3`, `bleach`).
        """,
        examples: [
            .triggers("# GET http://app.test/guestbook/entries\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<ul><li><b>rampart</b>: <rmps123456x>stored</li></ul>\n", fileName: "display.http"),
            .passes("# GET http://app.test/guestbook/entries\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<ul><li><b>rampart</b>: &lt;rmps123456x&gt;stored</li></ul>\n", fileName: "display.http"),
            .passes("# GET http://app.test/guestbook/entries\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<ul><li>&lt;rmps123456x&gt;</li></ul><!-- last entry: <rmps123456x> -->\n", fileName: "display.http"),
            .passes("# GET http://app.test/api/entries\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"message\": \"<rmps123456x>\"}\n", fileName: "display.http"),
        ]
    )

    /// A stored probe: a unique element, recognisable on any page.
    static func marker(_ number: Int) -> String { "<rmps\(number)x>" }

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] {
        [marker(nonce.a * 100 + nonce.b % 100)]
    }

    static let pattern: ByteRegex? = try? ByteRegex(#"<rmps(\d{4,9})x>"#)

    /// The stored markers an HTML page shows unescaped.
    static func markers(in page: WebPage) -> [Int] {
        guard page.isHTML else { return [] }
        let body = page.body
        let text = Payload.body(page)
        return PassiveScan.matches(pattern, in: body, limit: 50).compactMap { match, found in
            guard Payload.rendered(found, in: text) else { return nil }
            return PassiveScan.group(1, of: match, in: body).flatMap { Int($0) }
        }
    }

    static func check(_ r: WebPage) -> [WebHit] {
        markers(in: r).prefix(1).map { WebHit(evidence: marker($0)) }
    }
}
