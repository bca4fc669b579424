import RampartCore
import RampartRegex

enum GraphQLExposure: WebRule {
    static let metadata = RuleMetadata.web(
        "rampart-graphql", title: "GraphQL IDE or introspection exposed", severity: .medium, confidence: .high, cwe: 200, owasp: .a05,
        zap: false,
        documentation: """
        The site serves a GraphQL IDE (GraphiQL, GraphQL Playground, Altair, Apollo Sandbox) or \
        answers with an introspection result (`"__schema"` with its `"types"`): the whole API, \
        with internal and admin operations, is documented for an attacker, and the IDE makes \
        trying them easy. An IDE page alone is reported at low severity, introspection at \
        medium. ZAP's passive rules do not look for either.

        **Fix:** disable introspection and the IDE in production (Strawberry \
        `graphql_ide=None` and the `DisableIntrospection` extension, Graphene/graphene-django \
        `graphiql=False` plus a validation rule rejecting `__schema`, Ariadne `introspection=False`).
        """,
        examples: [
            .triggers("# GET https://shop.test/graphql\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><title>GraphiQL</title><link href=\"https://unpkg.com/graphiql/graphiql.min.css\" rel=\"stylesheet\"></head><body><div id=\"graphiql\">Loading...</div></body></html>\n", fileName: "page.http"),
            .triggers("# POST https://shop.test/graphql\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"data\":{\"__schema\":{\"queryType\":{\"name\":\"Query\"},\"types\":[{\"kind\":\"OBJECT\",\"name\":\"User\"}]}}}\n", fileName: "page.http"),
            .passes("# POST https://shop.test/graphql\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"data\":{\"products\":[{\"name\":\"Shoe\"}]}}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body><p>Our blog post about GraphiQL and GraphQL Playground.</p></body></html>\n", fileName: "page.http"),
        ]
    )

    /// Markers of the IDEs' own pages (their scripts, styles and mount points), not mere mentions.
    static let ide: ByteRegex? = try? ByteRegex(
        #"<title>\s*(?:GraphiQL|GraphQL Playground|Altair|Apollo Sandbox|GraphQL IDE)\b|id=["']graphiql["']|graphiql(?:\.min)?\.(?:js|css)|GraphiQL\.createFetcher|graphql-playground-react|GraphQLPlayground\.init\(|altair-static|EmbeddedSandbox\(|embeddable-sandbox"#)
    static let introspection: ByteRegex? = try? ByteRegex(#""__schema"\s*:\s*\{[\s\S]{0,20000}?"types"\s*:\s*\["#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), !r.body.isEmpty else { return [] }
        if r.isHTML {
            guard let (_, text) = PassiveScan.firstMatch(ide, in: r.body) else { return [] }
            return [WebHit(evidence: PassiveScan.clip(text, 80), severity: .low)]
        }
        let type = r.contentType
        guard type.contains("json") || type.contains("graphql") || type.isEmpty,
              let (_, text) = PassiveScan.firstMatch(introspection, in: r.body) else { return [] }
        _ = text
        // The entries of `__schema.types`, not every `"kind"` (fields' types have one too).
        let types = GraphQLSchema.parse(introspection: r.body).map { "\($0.typeCount) types" } ?? "its types"
        return [WebHit(evidence: "introspection result: \"__schema\" with \(types)", severity: .medium)]
    }
}
