import Foundation
import RampartCore

/// No GraphQL query depth limit: a query nested twenty levels deep is executed. Nested lists
/// multiply the work (friends of friends of friends…): one request can exhaust the server.
enum GraphQLDepthLimit: ActiveRule {
    static let metadata = RuleMetadata.active(
        "rampart-graphql-depth", title: "GraphQL query depth not limited", severity: .low, confidence: .medium, cwe: 770, owasp: .a04, zap: false,
        documentation: """
        The GraphQL endpoint executes a query nested twenty levels deep. With cyclic types \
        (a user's friends, their friends, …) every level multiplies the work, so one small \
        request can keep the server and its database busy: a denial of service. Probed with an \
        introspection query nested through `ofType` (harmless), only where introspection is open.

        **Fix:** limit depth and cost (graphene `depth_limit_validator`, Strawberry \
        `QueryDepthLimiter`, graphql-core validation rules), and paginate lists.
        """,
        examples: [
            .triggers("# POST http://app.test/graphql\n# json: {\"query\":\"query{__schema{types{fields{type{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{name}}}}}}}}}}}}}}}}}}}}\"}\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"data\":{\"__schema\":{\"types\":[{\"fields\":null}]}}}\n", fileName: "probe.http"),
            .passes("# POST http://app.test/graphql\n# json: {\"query\":\"query{__schema{types{fields{type{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{ofType{name}}}}}}}}}}}}}}}}}}}}\"}\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"errors\":[{\"message\":\"query too deep\"}]}\n", fileName: "probe.http"),
        ]
    )

    static let levels = 16

    /// `query{__schema{types{fields{type{ofType{…{name}…}}}}}}`, twenty levels in all.
    static var query: String {
        "query{__schema{types{fields{type{" + String(repeating: "ofType{", count: levels) + "name" + String(repeating: "}", count: levels + 4) + "}"
    }

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] { [] }

    static func check(_ r: WebPage) -> [WebHit] {
        guard let query = r.requestParameters.first(where: { $0.name == "query" })?.value,
              query.components(separatedBy: "ofType{").count - 1 >= levels, (200..<300).contains(r.status),
              let object = try? JSONSerialization.jsonObject(with: Data(r.body.prefix(4 << 20))) as? [String: Any],
              (object["data"] as? [String: Any])?["__schema"] != nil, object["errors"] == nil else { return [] }
        return [WebHit(evidence: "a query nested \(levels + 4) levels deep was executed")]
    }
}
