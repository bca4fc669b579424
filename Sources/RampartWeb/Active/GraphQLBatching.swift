import Foundation
import RampartCore

/// GraphQL batching: an array of operations in one request is executed. Rate limits and
/// lockouts count requests, so one request can try hundreds of passwords or one-time codes.
enum GraphQLBatching: ActiveRule {
    static let metadata = RuleMetadata.active(
        "rampart-graphql-batching", title: "GraphQL batching allowed", severity: .low, confidence: .high, cwe: 799, owasp: .a04, zap: false,
        documentation: """
        The GraphQL endpoint executes a JSON array of operations sent in one request (query \
        batching). Rate limiting, lockouts and brute-force detection that count HTTP requests \
        then see one request where an attacker tried hundreds of passwords, one-time codes or \
        coupon values. Probed with two `{__typename}` operations in one array.

        **Fix:** turn batching off (Strawberry and graphene servers do not batch unless asked; \
        Apollo Server `allowBatchedHttpRequests: false`), or cap the batch size and count each \
        operation against the rate limit.
        """,
        examples: [
            .triggers("# POST http://app.test/graphql\n# json: [{\"query\":\"query{__typename}\"},{\"query\":\"query{__typename}\"}]\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n[{\"data\":{\"__typename\":\"Query\"}},{\"data\":{\"__typename\":\"Query\"}}]\n", fileName: "probe.http"),
            .passes("# POST http://app.test/graphql\n# json: [{\"query\":\"query{__typename}\"},{\"query\":\"query{__typename}\"}]\nHTTP/1.1 400 BAD REQUEST\nContent-Type: application/json\n\n{\"errors\":[{\"message\":\"batching is not supported\"}]}\n", fileName: "probe.http"),
        ]
    )

    static let probe = #"[{"query":"query{__typename}"},{"query":"query{__typename}"}]"#

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] { [] }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.method == "POST", r.requestBody?.hasPrefix("[") == true, (200..<300).contains(r.status),
              let results = try? JSONSerialization.jsonObject(with: Data(r.body.prefix(1 << 20))) as? [[String: Any]],
              results.count >= 2, results.allSatisfy({ $0["data"] != nil }) else { return [] }
        return [WebHit(evidence: "\(results.count) operations in one request, each answered")]
    }
}
