import Foundation
import RampartCore

/// GraphQL mutations over GET: a link or an image on another site makes the victim's browser
/// run a mutation with their cookies (CSRF), since GET requests need no preflight.
enum GraphQLGetMutation: ActiveRule {
    static let metadata = RuleMetadata.active(
        "rampart-graphql-get-mutation", title: "GraphQL mutations accepted over GET (CSRF)", severity: .medium, confidence: .high, cwe: 352, owasp: .a01, zap: false,
        documentation: """
        The endpoint executes a mutation sent as a GET request (`/graphql?query=mutation{…}`). \
        Any page the victim visits can then change their data with an `<img>` or a link: \
        browsers send cookies with such requests and no CORS preflight stops them. Probed with \
        `mutation{__typename}`, which changes nothing.

        **Fix:** execute only queries over GET (graphene's and Strawberry's views refuse \
        mutations over GET by default; keep it so), require `Content-Type: application/json` \
        for POST, and use SameSite cookies or CSRF tokens.
        """,
        examples: [
            .triggers("# GET http://app.test/graphql?query=mutation%7B__typename%7D\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"data\":{\"__typename\":\"Mutation\"}}\n", fileName: "probe.http"),
            .passes("# GET http://app.test/graphql?query=mutation%7B__typename%7D\nHTTP/1.1 405 METHOD NOT ALLOWED\nContent-Type: application/json\n\n{\"errors\":[{\"message\":\"Can only perform a mutation operation from a POST request.\"}]}\n", fileName: "probe.http"),
        ]
    )

    static let query = "mutation{__typename}"

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] { [] }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.method == "GET", r.requestParameters.contains(where: { $0.name == "query" && $0.value.trimmingWhitespace().hasPrefix("mutation") }),
              (200..<300).contains(r.status),
              let object = try? JSONSerialization.jsonObject(with: Data(r.body.prefix(1 << 20))) as? [String: Any],
              let typename = (object["data"] as? [String: Any])?["__typename"] as? String else { return [] }
        return [WebHit(evidence: "GET mutation{__typename} → \"\(typename)\"")]
    }
}
